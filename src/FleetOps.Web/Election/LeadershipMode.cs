namespace FleetOps.Web.Election;

/// <summary><c>FleetOps:Leadership:Mode</c>: when a node competes for the elected work instead of doing it alone.</summary>
public enum LeadershipMode
{
    /// <summary>Elect when the node is one of several: PostgreSQL and <c>ConnectionStrings:Redis</c> both set.</summary>
    Auto,

    /// <summary>Elect on PostgreSQL even without Redis (nodes that share only the database).</summary>
    Elect,

    /// <summary>Never elect: this node does all the elected work. Only right when it is the only node.</summary>
    Alone,
}
