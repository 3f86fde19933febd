namespace FleetOps.Core.Training;

/// <summary>
/// One person in one programme: the day of the latest session in which they completed every required item (null: never)
/// and the last day that training is valid.
/// </summary>
public sealed record ProgrammeStanding(string Programme, DateOnly? TrainedOn, DateOnly? ValidUntil, TrainingStatus Status);
