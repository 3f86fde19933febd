namespace FleetOps.Web.Training;

/// <summary>Rebuilds the training book from the database before Kestrel listens, so no request or alert sees an empty roster.</summary>
public sealed class TrainingBookLoader(TrainingService training) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => training.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
