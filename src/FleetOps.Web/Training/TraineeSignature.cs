namespace FleetOps.Web.Training;

/// <summary>A person trained in a session signing it: the drawing as PNG bytes, checked by <see cref="TrainingService"/>.</summary>
public sealed record TraineeSignature(long StaffId, byte[] Png);
