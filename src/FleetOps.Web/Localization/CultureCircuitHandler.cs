using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FleetOps.Web.Localization;

/// <summary>
/// Sets the thread's culture to the circuit's <see cref="UiCulture"/> for every inbound activity (events, JS interop
/// answers, navigation), so what runs for that activity — MudBlazor's own formatting included — follows a language chosen
/// after the circuit began, without a new circuit.
/// </summary>
public sealed class CultureCircuitHandler(UiCulture culture) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            culture.Apply();
            return next(context);
        };
}
