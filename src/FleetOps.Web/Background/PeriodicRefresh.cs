namespace FleetOps.Web.Background;

/// <summary>
/// The loop of a history that reloads from the database at start-up and then every so often (money at risk, sale
/// counts): a failed load is reported and retried at the next tick instead of ending the service.
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
