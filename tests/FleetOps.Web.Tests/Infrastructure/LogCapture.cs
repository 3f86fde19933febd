using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace FleetOps.Web.Tests.Infrastructure;

/// <summary>
/// The log lines one in-process app writes, as the operator reads them (level, source, rendered message), for tests
/// that count them: the log files are shared by every app of the test run. Register it as a Serilog sink
/// (<c>TestServices = s => s.AddSingleton&lt;ILogEventSink&gt;(capture)</c>); the app's logger reads sinks from its services.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    // As the app's sinks write the message: strings without quotes.
    private static readonly MessageTemplateTextFormatter AsWritten = new("{Message:lj}", System.Globalization.CultureInfo.InvariantCulture);
    private readonly List<(LogEventLevel Level, string Source, string Message)> _lines = [];

    public void Emit(LogEvent logEvent)
    {
        var source = logEvent.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string name } ? name : "";
        using var message = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        AsWritten.Format(logEvent, message);
        lock (_lines) _lines.Add((logEvent.Level, source, message.ToString()));
    }

    /// <summary>The lines from sources whose name ends with <paramref name="source"/> (a class name, or a full category).</summary>
    public IReadOnlyList<(LogEventLevel Level, string Message)> From(string source)
    {
        lock (_lines) return _lines.Where(l => l.Source.EndsWith(source, StringComparison.Ordinal)).Select(l => (l.Level, l.Message)).ToList();
    }

    /// <summary>Every line, one a line, for a failure message.</summary>
    public string Text()
    {
        lock (_lines) return string.Join('\n', _lines.Select(l => $"{l.Level} {l.Source}: {l.Message}"));
    }
}
