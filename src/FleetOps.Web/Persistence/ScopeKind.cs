namespace FleetOps.Web.Persistence;

public enum ScopeKind { Region, Store }
