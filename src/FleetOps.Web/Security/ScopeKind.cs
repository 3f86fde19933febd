namespace FleetOps.Web.Security;

public enum ScopeKind { Region, Store }
