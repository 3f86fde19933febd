using System.Text.Json.Serialization;

namespace FleetOps.Web.EmergencyPlans;

/// <summary>Someone staff call in an emergency: a name (a person or a service) and a phone number, either possibly not yet known.</summary>
public sealed record EmergencyContact(string? Name, string? Phone)
{
    public static EmergencyContact None { get; } = new(null, null);

    /// <summary>Not on the wire: the contact is <c>{ "name", "phone" }</c> (docs/api.md §9).</summary>
    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone);
}
