using Microsoft.Extensions.Logging;

namespace FleetOps.Core.Live;

/// <summary>The log lines of <see cref="ChangeFeed{TChange}"/> (the logging generator does not take generic types).</summary>
internal static partial class ChangeFeedLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber of the {Feed} feed failed; the change was made, the other subscribers heard of it, and this one hears of later changes")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception, string feed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber of the {Feed} feed fell more than {Bound} changes behind; it is told that everything changed")]
    public static partial void Overflowed(ILogger logger, string feed, int bound);
}
