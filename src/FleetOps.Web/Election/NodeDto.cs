namespace FleetOps.Web.Election;

/// <summary>What <c>GET /api/v1/node</c> answers: which node answered and whether it does the elected work.</summary>
/// <param name="Node">The machine name and process id: tells the nodes behind a load balancer apart.</param>
/// <param name="Elected">Whether the nodes elect a leader (false: this node is alone and always leads).</param>
/// <param name="Leads">Whether this node opens alerts, sends notifications and does the rest of the elected work now.</param>
/// <param name="LeadingSince">When its current term began; null while another node leads.</param>
public sealed record NodeDto(string Node, bool Elected, bool Leads, DateTimeOffset? LeadingSince)
{
    public static NodeDto Of(Leadership leadership) =>
        new($"{Environment.MachineName}:{Environment.ProcessId}", leadership.Elected, leadership.IsLeader, leadership.LeadingSince);
}
