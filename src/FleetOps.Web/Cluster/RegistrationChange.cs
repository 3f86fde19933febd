using System.Text.Json;

namespace FleetOps.Web.Cluster;

/// <summary>
/// Which registrations a node changed: store codes, terminal ids, software target models. Keys only — the rows are the
/// truth, and other nodes read them back (a row read after the announcing commit is at least as new as the change).
/// </summary>
public sealed record RegistrationChange(IReadOnlyList<string> Stores, IReadOnlyList<string> Terminals, IReadOnlyList<string> Models)
{
    public static RegistrationChange OfStore(string code) => new([code], [], []);

    public static RegistrationChange OfTerminal(string terminalId) => new([], [terminalId], []);

    public static RegistrationChange OfModel(string model) => new([], [], [model]);

    public string Serialize() => JsonSerializer.Serialize(this);

    public static RegistrationChange Parse(string payload) =>
        JsonSerializer.Deserialize<RegistrationChange>(payload) ?? throw new JsonException("An empty registration change.");
}
