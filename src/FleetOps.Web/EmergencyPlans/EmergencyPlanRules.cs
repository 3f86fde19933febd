using System.Text.RegularExpressions;
using FleetOps.Core.Wire;
using FleetOps.Web.Maintenance;

namespace FleetOps.Web.EmergencyPlans;

/// <summary>
/// What a plan must look like, field by field, for the page and the API alike. The first problem wins and names its field
/// in the API's spelling (<c>hotline.phone</c>, <c>otherContacts[1].name</c>, <c>steps.terminal_dies[2]</c>), so a form
/// shows it beside what was typed. Messages never quote the value (it may be a card number).
/// </summary>
public static partial class EmergencyPlanRules
{
    public const int MaxName = 100, MaxPhone = 32, MaxLocation = 200, MaxStep = 300, MaxSteps = 15, MaxOtherContacts = 5;

    /// <summary>Digits with the usual separators, an optional leading '+': "95516", "400-820-8888", "+86 (21) 6888 0000".</summary>
    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]*$")]
    private static partial Regex PhonePattern();

    /// <returns>The field and the English reason, or (null, null) when the draft may be kept.</returns>
    public static (string? Field, string? Problem) Check(EmergencyPlanDraft draft)
    {
        if (ContactProblem("hotline", draft.Hotline ?? EmergencyContact.None, required: true) is ({ } f1, { } p1)) return (f1, p1);
        if (ContactProblem("technician", draft.Technician ?? EmergencyContact.None, required: false) is ({ } f2, { } p2)) return (f2, p2);
        if (ContactProblem("electrician", draft.Electrician ?? EmergencyContact.None, required: false) is ({ } f3, { } p3)) return (f3, p3);
        var others = draft.OtherContacts ?? [];
        if (others.Count > MaxOtherContacts) return ("otherContacts", $"At most {MaxOtherContacts} other contacts.");
        for (var i = 0; i < others.Count; i++)
        {
            if (ContactProblem($"otherContacts[{i}]", others[i] ?? EmergencyContact.None, required: true) is ({ } f, { } p)) return (f, p);
        }
        foreach (var (field, value) in new[] { ("upsLocation", draft.UpsLocation), ("spareTerminalLocation", draft.SpareTerminalLocation),
                     ("paperFormsLocation", draft.PaperFormsLocation) })
        {
            if (MaintenanceService.Text(field, value, MaxLocation, required: false) is { } problem) return (field, problem);
        }
        foreach (var (procedure, steps) in draft.Steps ?? new Dictionary<EmergencyProcedure, IReadOnlyList<string>?>())
        {
            if (StepsProblem($"steps.{procedure.ToWire()}", steps) is ({ } f, { } p)) return (f, p);
        }
        return (null, null);
    }

    /// <summary>Whether a phone number could be dialled: the allowed characters and 3–20 digits (a 5-digit service line counts).</summary>
    public static bool IsPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return PhonePattern().IsMatch(phone.Trim()) && digits is >= 3 and <= 20;
    }

    private static (string?, string?) ContactProblem(string field, EmergencyContact contact, bool required)
    {
        if (!required && contact.IsEmpty) return (null, null);
        if (MaintenanceService.Text($"{field}.name", contact.Name, MaxName, required: true) is { } nameProblem) return ($"{field}.name", nameProblem);
        var phone = $"{field}.phone";
        if (MaintenanceService.Text(phone, contact.Phone, MaxPhone, required: true) is { } phoneProblem) return (phone, phoneProblem);
        if (!IsPhone(contact.Phone!)) return (phone, $"'{phone}' is not a phone number: use digits, spaces, '+', '-' and brackets (3 to 20 digits).");
        return (null, null);
    }

    private static (string?, string?) StepsProblem(string field, IReadOnlyList<string>? steps)
    {
        if (steps is null) return (null, null);
        if (steps.Count is 0 or > MaxSteps) return (field, $"'{field}' must list 1 to {MaxSteps} steps.");
        for (var i = 0; i < steps.Count; i++)
        {
            if (MaintenanceService.Text($"{field}[{i}]", steps[i], MaxStep, required: true) is { } problem) return ($"{field}[{i}]", problem);
        }
        return (null, null);
    }
}
