using FleetOps.Web.Persistence;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Serilog.Events;

namespace FleetOps.Web.Hosting;

/// <summary>
/// Why a start did not finish, as ServerRun tells the operator, once. An operator's condition — a wrong setting, another
/// server on the SQLite file, a database of a newer build, the port taken — is one line saying what to do, without a
/// stack trace that says nothing more; anything else is a fault, logged with its exception. A stop requested while the
/// server was starting (<c>systemctl stop</c>, Ctrl+C) is no failure at all.
/// </summary>
public static class StartFailure
{
    /// <summary>The operator's message for a condition they can act on; null for a fault.</summary>
    public static string? OperatorReason(Exception ex) => ex switch
    {
        OptionsValidationException one => string.Join(" ", one.Failures),
        AggregateException many when many.InnerExceptions.All(e => e is OptionsValidationException) =>
            string.Join(" ", many.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)),
        DatabaseInUseException or NewerDatabaseException or ListenAddressInUseException => ex.Message,
        // Kestrel's own words name the address: "Failed to bind to address http://127.0.0.1:5000: address already in use."
        IOException { InnerException: AddressInUseException } => ex.Message,
        _ => null,
    };

    /// <summary>
    /// Whether the start ended because a stop was requested during it: the host cancels the start with the same token
    /// (ApplicationStopping), and what was loading ends with an OperationCanceledException.
    /// </summary>
    public static bool StopRequested(Exception ex, IHostApplicationLifetime lifetime) =>
        lifetime.ApplicationStopping.IsCancellationRequested && Cancellation(ex);

    private static bool Cancellation(Exception? ex) => ex switch
    {
        null => false,
        OperationCanceledException => true,
        AggregateException many => many.InnerExceptions.All(Cancellation),
        _ => Cancellation(ex.InnerException),
    };

    /// <summary>
    /// The host's own report of a failed start ("Hosting failed to start", with the stack trace), left out of the log:
    /// ServerRun reports each failed start once, in an operator's words where there are some.
    /// </summary>
    public static bool IsHostReport(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("EventId", out var id) && id is StructureValue structure
        && structure.Properties.Any(p => p is { Name: "Name", Value: ScalarValue { Value: "HostedServiceStartupFaulted" } });
}
