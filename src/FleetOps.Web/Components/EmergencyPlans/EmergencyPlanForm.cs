using System.Text.Json;
using FleetOps.Core.Wire;
using FleetOps.Web.EmergencyPlans;

namespace FleetOps.Web.Components.EmergencyPlans;

/// <summary>
/// The plan as the edit form holds it while typing. Template steps are filled in the editor's language; a procedure whose
/// steps are still exactly those goes back as "template", so it keeps reading in each reader's language, and a changed
/// one is stored as written. It also knows what the person changed since opening it, to ask before their edits are thrown
/// away and to keep them when someone else saved in the meantime.
/// </summary>
public sealed class EmergencyPlanForm
{
    public string? HotlineName { get; set; }
    public string? HotlinePhone { get; set; }
    public string? TechnicianName { get; set; }
    public string? TechnicianPhone { get; set; }
    public string? ElectricianName { get; set; }
    public string? ElectricianPhone { get; set; }
    public List<EmergencyContact> OtherContacts { get; } = [];
    public string? UpsLocation { get; set; }
    public string? SpareTerminalLocation { get; set; }
    public string? PaperFormsLocation { get; set; }
    public Dictionary<EmergencyProcedure, List<string>> Steps { get; } = [];
    public int Version { get; private init; }

    public static EmergencyPlanForm Of(EmergencyPlan plan, Func<string, string> text)
    {
        var form = new EmergencyPlanForm
        {
            HotlineName = plan.Hotline.Name, HotlinePhone = plan.Hotline.Phone,
            TechnicianName = plan.Technician.Name, TechnicianPhone = plan.Technician.Phone,
            ElectricianName = plan.Electrician.Name, ElectricianPhone = plan.Electrician.Phone,
            UpsLocation = plan.UpsLocation, SpareTerminalLocation = plan.SpareTerminalLocation, PaperFormsLocation = plan.PaperFormsLocation,
            Version = plan.Version,
        };
        form.OtherContacts.AddRange(plan.OtherContacts);
        foreach (var procedure in EmergencyPlan.Procedures) form.Steps[procedure] = plan.StepsIn(procedure, text).ToList();
        return form;
    }

    /// <summary>Whether anything differs from <paramref name="opened"/> (the plan as it was when editing began).</summary>
    public bool ChangedFrom(EmergencyPlanForm opened) => Parts.Any(p => p.Read(this) != p.Read(opened));

    /// <summary>
    /// These edits on top of a newer version (<paramref name="theirs"/>): what the person changed since <paramref name="opened"/>
    /// stays theirs, everything else takes the newer version's value. <paramref name="clashes"/> are the fields (API spelling)
    /// both changed differently: the person's text is kept, and they are told to compare.
    /// </summary>
    public EmergencyPlanForm RebasedOn(EmergencyPlanForm opened, EmergencyPlanForm theirs, out IReadOnlyList<string> clashes)
    {
        var rebased = new EmergencyPlanForm { Version = theirs.Version };
        foreach (var part in Parts)
        {
            var mineChanged = part.Read(this) != part.Read(opened);
            part.Take(rebased, mineChanged ? this : theirs);
        }
        clashes = Parts.Where(p => p.Read(this) != p.Read(opened) && p.Read(theirs) != p.Read(opened) && p.Read(this) != p.Read(theirs))
            .Select(p => p.Field).ToList();
        return rebased;
    }

    public EmergencyPlanDraft ToDraft(Func<string, string> text) => new(
        new EmergencyContact(HotlineName, HotlinePhone), new EmergencyContact(TechnicianName, TechnicianPhone),
        new EmergencyContact(ElectricianName, ElectricianPhone), OtherContacts.ToList(), UpsLocation, SpareTerminalLocation, PaperFormsLocation,
        Steps.ToDictionary(s => s.Key, s => s.Value.SequenceEqual(EmergencyTemplate.Steps(s.Key, text)) ? null : (IReadOnlyList<string>?)s.Value.ToList()),
        Version);

    /// <summary>One field of the form (contacts, locations) or a whole list (other contacts, a procedure's steps), by its API name.</summary>
    private sealed record Part(string Field, Func<EmergencyPlanForm, string> Read, Action<EmergencyPlanForm, EmergencyPlanForm> Take);

    private static readonly Part[] Parts =
    [
        Text("hotline.name", f => f.HotlineName, (f, v) => f.HotlineName = v),
        Text("hotline.phone", f => f.HotlinePhone, (f, v) => f.HotlinePhone = v),
        Text("technician.name", f => f.TechnicianName, (f, v) => f.TechnicianName = v),
        Text("technician.phone", f => f.TechnicianPhone, (f, v) => f.TechnicianPhone = v),
        Text("electrician.name", f => f.ElectricianName, (f, v) => f.ElectricianName = v),
        Text("electrician.phone", f => f.ElectricianPhone, (f, v) => f.ElectricianPhone = v),
        new("otherContacts", f => JsonSerializer.Serialize(f.OtherContacts), (to, from) => to.OtherContacts.AddRange(from.OtherContacts)),
        Text("upsLocation", f => f.UpsLocation, (f, v) => f.UpsLocation = v),
        Text("spareTerminalLocation", f => f.SpareTerminalLocation, (f, v) => f.SpareTerminalLocation = v),
        Text("paperFormsLocation", f => f.PaperFormsLocation, (f, v) => f.PaperFormsLocation = v),
        .. EmergencyPlan.Procedures.Select(procedure => new Part($"steps.{procedure.ToWire()}", f => JsonSerializer.Serialize(f.Steps[procedure]),
            (to, from) => to.Steps[procedure] = from.Steps[procedure].ToList())),
    ];

    /// <summary>A text field; a cleared field (null or empty, as the text box leaves it) reads the same as one never filled.</summary>
    private static Part Text(string field, Func<EmergencyPlanForm, string?> get, Action<EmergencyPlanForm, string?> set) =>
        new(field, f => get(f) ?? "", (to, from) => set(to, get(from)));
}
