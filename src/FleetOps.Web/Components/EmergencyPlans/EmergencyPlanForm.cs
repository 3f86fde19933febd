using FleetOps.Web.EmergencyPlans;

namespace FleetOps.Web.Components.EmergencyPlans;

/// <summary>
/// The plan as the edit form holds it while typing. Template steps are filled in the editor's language; a procedure whose
/// steps are still exactly those goes back as "template", so it keeps reading in each reader's language, and a changed
/// one is stored as written.
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

    public EmergencyPlanDraft ToDraft(Func<string, string> text) => new(
        new EmergencyContact(HotlineName, HotlinePhone), new EmergencyContact(TechnicianName, TechnicianPhone),
        new EmergencyContact(ElectricianName, ElectricianPhone), OtherContacts.ToList(), UpsLocation, SpareTerminalLocation, PaperFormsLocation,
        Steps.ToDictionary(s => s.Key, s => s.Value.SequenceEqual(EmergencyTemplate.Steps(s.Key, text)) ? null : (IReadOnlyList<string>?)s.Value.ToList()),
        Version);
}
