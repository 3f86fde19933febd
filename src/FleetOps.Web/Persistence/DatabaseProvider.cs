namespace FleetOps.Web.Persistence;

/// <summary><c>FleetOps:Database:Provider</c>.</summary>
public enum DatabaseProvider { Sqlite, Postgres }
