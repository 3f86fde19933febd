namespace FleetOps.Balancer;

/// <summary>
/// The balancer's entry point. A named class rather than top-level statements: the tests reference this project and the
/// web app's global <c>Program</c> both, and two global <c>Program</c> types would collide there.
/// </summary>
public static class BalancerProgram
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            await BalancerApp.Build(args).RunAsync();
            return 0;
        }
        catch (BalancerUsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(BalancerApp.Usage);
            return 2;
        }
    }
}
