using System.Text.RegularExpressions;
using FleetOps.Core.Wire;
using FleetOps.Web.Maintenance;

namespace FleetOps.Web.EmergencyPlans;

/// <summary>
/// What a plan must look like, field by field, for the page and the API alike. Every problem is reported, each naming its field
/// in the API's spelling (<c>hotline.phone</c>, <c>otherContacts[1].name</c>, <c>steps.terminal_dies[2]</c>), so a form
/// shows it beside what was typed. Messages never quote the value (it may be a card number).
/// </summary>
public static partial class EmergencyPlanRules
{
    public const int MaxName = 100, MaxPhone = 32, MaxLocation = 200, MaxStep = 300, MaxSteps = 15, MaxOtherContacts = 5;

    /// <summary>Digits with the usual separators, an optional leading '+': "95516", "400-820-8888", "+86 (21) 6888 0000".</summary>
    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]*$")]
    private static partial Regex PhonePattern();

    /// <returns>Every problem of the draft, in the form's order (empty when it may be kept): a manager fixes them in one go.</returns>
    public static IReadOnlyList<FieldProblem> Check(EmergencyPlanDraft draft)
    {
        var problems = new List<FieldProblem>();
        problems.AddRange(ContactProblems("hotline", draft.Hotline ?? EmergencyContact.None, required: true));
        problems.AddRange(ContactProblems("technician", draft.Technician ?? EmergencyContact.None, required: false));
        problems.AddRange(ContactProblems("electrician", draft.Electrician ?? EmergencyContact.None, required: false));
        var others = draft.OtherContacts ?? [];
        if (others.Count > MaxOtherContacts) problems.Add(new("otherContacts", $"At most {MaxOtherContacts} other contacts."));
        for (var i = 0; i < Math.Min(others.Count, MaxOtherContacts); i++)
        {
            problems.AddRange(ContactProblems($"otherContacts[{i}]", others[i] ?? EmergencyContact.None, required: true));
        }
        foreach (var (field, value) in new[] { ("upsLocation", draft.UpsLocation), ("spareTerminalLocation", draft.SpareTerminalLocation),
                     ("paperFormsLocation", draft.PaperFormsLocation) })
        {
            if (MaintenanceService.Text(field, value, MaxLocation, required: false) is { } problem) problems.Add(new(field, problem));
        }
        foreach (var procedure in EmergencyPlan.Procedures)
        {
            problems.AddRange(StepsProblems($"steps.{procedure.ToWire()}", draft.Steps?.GetValueOrDefault(procedure)));
        }
        return problems;
    }

    /// <summary>Whether a phone number could be dialled: the allowed characters and 3–20 digits (a 5-digit service line counts).</summary>
    public static bool IsPhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return PhonePattern().IsMatch(phone.Trim()) && digits is >= 3 and <= 20;
    }

    private static IEnumerable<FieldProblem> ContactProblems(string field, EmergencyContact contact, bool required)
    {
        if (!required && contact.IsEmpty) yield break;
        if (MaintenanceService.Text($"{field}.name", contact.Name, MaxName, required: true) is { } nameProblem) yield return new($"{field}.name", nameProblem);
        var phone = $"{field}.phone";
        if (MaintenanceService.Text(phone, contact.Phone, MaxPhone, required: true) is { } phoneProblem) yield return new(phone, phoneProblem);
        else if (!IsPhone(contact.Phone!)) yield return new(phone, $"'{phone}' is not a phone number: use digits, spaces, '+', '-' and brackets (3 to 20 digits).");
    }

    private static IEnumerable<FieldProblem> StepsProblems(string field, IReadOnlyList<string>? steps)
    {
        if (steps is null) yield break;
        if (steps.Count is 0 or > MaxSteps)
        {
            yield return new(field, $"'{field}' must list 1 to {MaxSteps} steps.");
            yield break;
        }
        for (var i = 0; i < steps.Count; i++)
        {
            if (MaintenanceService.Text($"{field}[{i}]", steps[i], MaxStep, required: true) is { } problem) yield return new($"{field}[{i}]", problem);
        }
    }
}
