namespace FleetOps.Core.Training;

/// <summary>A person's overall standing and their standing in each programme (in the programmes' order).</summary>
public sealed record PersonCompliance(StaffMember Person, TrainingStatus Status, IReadOnlyList<ProgrammeStanding> Programmes);
