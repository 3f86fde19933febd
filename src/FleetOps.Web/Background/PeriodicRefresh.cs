namespace FleetOps.Web.Background;

/// <summary>
/// The loop of work done at once and then every so often — a history reloading from the database (money at risk, sale
/// counts), the leading node's look for tokens about to expire: a failed run is reported and retried at the next tick
/// instead of ending the service.
/// </summary>
public static class PeriodicRefresh
{
    public static async Task RunAsync(TimeSpan every, TimeProvider time, Func<CancellationToken, Task> refresh, Action<Exception> failed,
        CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every, time);
        try
        {
            do
            {
                try
                {
                    await OffThePool.RunAsync(() => refresh(stoppingToken));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
