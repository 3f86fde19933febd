namespace FleetOps.Balancer;

/// <summary>A command line the balancer cannot run with; the message says what is wrong.</summary>
public sealed class BalancerUsageException(string message) : Exception(message);
