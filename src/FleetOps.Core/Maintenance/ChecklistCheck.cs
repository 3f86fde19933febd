using System.Globalization;

namespace FleetOps.Core.Maintenance;

/// <summary>
/// The completion rule (docs/api.md §8): every required item answered, every reading a number, a reading out of limits only
/// with a note saying why, every required signature given. A signature is the drawing stored for its item or, as docs/api.md
/// §8 lets an API client answer any item, a value (the signer's name); the work order page only ever sends the drawing, so
/// on site a typed name alone never signs. Pure: the API turns the problems into its 422, the pages flag items while the
/// technician types.
/// </summary>
public static class ChecklistCheck
{
    /// <param name="images">
    /// Items that have an uploaded image: a photo item, or a signature item with its drawing, needs no value then.
    /// </param>
    /// <param name="uploads">
    /// The ids of each item's uploaded images, when known: a photo item's value must then name one of its own item's
    /// uploads — an id of nothing, or of another work order's photo, would record evidence that is not there.
    /// </param>
    public static ChecklistOutcome Judge(ChecklistTemplate template, IReadOnlyList<ChecklistAnswer> answers, IReadOnlySet<string>? images = null,
        ILookup<string, string>? uploads = null)
    {
        var problems = new List<ChecklistProblem>();
        var flagged = new HashSet<string>(StringComparer.Ordinal);
        var byItem = new Dictionary<string, ChecklistAnswer>(StringComparer.Ordinal);
        foreach (var answer in answers)
        {
            if (template.Item(answer.Item) is null) problems.Add(new ChecklistProblem(answer.Item, ChecklistProblemReason.UnknownItem));
            else byItem[answer.Item] = answer;
        }
        foreach (var item in template.Items)
        {
            var answer = byItem.GetValueOrDefault(item.Key);
            var imageGiven = item.Type is ChecklistItemType.Photo or ChecklistItemType.Signature && images?.Contains(item.Key) == true;
            var value = string.IsNullOrWhiteSpace(answer?.Value) ? null : answer.Value.Trim();
            var hasNote = !string.IsNullOrWhiteSpace(answer?.Note);
            if (value is null)
            {
                if (item.Required && !imageGiven) problems.Add(new ChecklistProblem(item.Key, ChecklistProblemReason.Missing));
                continue;
            }
            if (item.Type == ChecklistItemType.Photo && uploads is not null && !uploads[item.Key].Contains(value, StringComparer.Ordinal))
            {
                problems.Add(new ChecklistProblem(item.Key, ChecklistProblemReason.NotAPhoto));
                continue;
            }
            switch (Judge(item, value))
            {
                case Verdict.Failed:
                    flagged.Add(item.Key); // recorded and flagged, not a refusal: the technician found a fault
                    break;
                case Verdict.OutOfLimits:
                    flagged.Add(item.Key);
                    if (!hasNote) problems.Add(new ChecklistProblem(item.Key, ChecklistProblemReason.OutOfLimits));
                    break;
                case Verdict.NotANumber:
                    problems.Add(new ChecklistProblem(item.Key, ChecklistProblemReason.NotANumber));
                    break;
                case Verdict.NotACheck:
                    problems.Add(new ChecklistProblem(item.Key, ChecklistProblemReason.NotACheck));
                    break;
            }
        }
        return new ChecklistOutcome(problems, flagged);
    }

    /// <summary>Whether a value is flagged as it is typed: a failed check or a reading out of limits.</summary>
    public static bool IsFlagged(ChecklistItem item, string? value) =>
        !string.IsNullOrWhiteSpace(value) && Judge(item, value.Trim()) is Verdict.Failed or Verdict.OutOfLimits;

    /// <summary>A reading as a number, in invariant notation (<c>12.5</c>).</summary>
    public static bool TryReading(string value, out double reading) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out reading) && double.IsFinite(reading);

    private enum Verdict
    {
        Fine,
        Failed,
        OutOfLimits,
        NotANumber,
        NotACheck,
    }

    private static Verdict Judge(ChecklistItem item, string value) => item.Type switch
    {
        ChecklistItemType.Check => value switch
        {
            "true" => Verdict.Fine,
            "false" => Verdict.Failed,
            _ => Verdict.NotACheck,
        },
        ChecklistItemType.Number => !TryReading(value, out var reading) ? Verdict.NotANumber
            : item.OutOfLimits(reading) ? Verdict.OutOfLimits
            : Verdict.Fine,
        _ => Verdict.Fine,
    };
}
