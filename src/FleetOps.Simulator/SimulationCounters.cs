using System.Globalization;

namespace FleetOps.Simulator;

// Public fields rather than properties so callers and the sender can use Interlocked on them.
public sealed class SimulationCounters
{
    // Every event put on the wire, resends included, so it exceeds Accepted + Duplicates after failures.
    public long EventsSent;

    // From the server's 200 answers.
    public long EventsAccepted;
    public long Duplicates;

    // Events listed as rejected in a 200 answer, plus those of requests refused as a whole (400, 413) and dropped.
    public long Rejected;

    // Requests without a 200 answer: transport errors, timeouts and any other status.
    public long RequestsFailed;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"sent={Interlocked.Read(ref EventsSent)} accepted={Interlocked.Read(ref EventsAccepted)} " +
        $"duplicates={Interlocked.Read(ref Duplicates)} rejected={Interlocked.Read(ref Rejected)} " +
        $"failedRequests={Interlocked.Read(ref RequestsFailed)}");
}
