namespace FleetOps.Core.Training;

/// <summary>How many people of a store (or a region, the sum of its stores) stand where; only people still employed count.</summary>
public sealed record ComplianceTally(int Staff, int Current, int DueSoon, int Overdue, int NeverTrained)
{
    public static readonly ComplianceTally None = new(0, 0, 0, 0, 0);

    /// <summary>100 × current ÷ staff, to one decimal; 0 without staff.</summary>
    public double PercentCurrent => Staff == 0 ? 0 : Math.Round(100.0 * Current / Staff, 1, MidpointRounding.AwayFromZero);

    public ComplianceTally Plus(ComplianceTally other) =>
        new(Staff + other.Staff, Current + other.Current, DueSoon + other.DueSoon, Overdue + other.Overdue, NeverTrained + other.NeverTrained);

    public static ComplianceTally Of(IEnumerable<TrainingStatus> people)
    {
        var counts = new int[4];
        foreach (var status in people) counts[(int)status]++;
        return new ComplianceTally(counts.Sum(), counts[(int)TrainingStatus.Current], counts[(int)TrainingStatus.DueSoon],
            counts[(int)TrainingStatus.Overdue], counts[(int)TrainingStatus.NeverTrained]);
    }
}
