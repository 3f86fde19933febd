using System.Text.Json;

namespace FleetOps.Web.Cluster;

/// <summary>
/// Which rows of one in-memory book a node changed (cases, alerts, work orders, ... — the kind is the row's
/// <c>Kind</c>, see <see cref="BookKinds"/>). Ids only, like <see cref="RegistrationChange"/>: the rows are the truth, and
/// other nodes read them back, so applying twice or late is harmless. No ids means "rows whose ids were not known before
/// the commit": the follower then also takes every row its book does not hold yet.
/// </summary>
public sealed record BookChange(IReadOnlyList<long> Ids)
{
    public static BookChange Of(params long[] ids) => new(ids);

    public string Serialize() => JsonSerializer.Serialize(this);

    public static BookChange Parse(string payload) =>
        JsonSerializer.Deserialize<BookChange>(payload) ?? throw new JsonException("An empty book change.");
}
