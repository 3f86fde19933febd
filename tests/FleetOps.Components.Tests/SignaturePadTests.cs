using Bunit;
using FleetOps.Components.Tests.Infrastructure;
using FleetOps.Web.Components.Shared;

namespace FleetOps.Components.Tests;

/// <summary>
/// The signature pad: the work order's sign-off keeps its "the store manager signs" hint, and a page closed without a
/// goodbye (the circuit times out and cancels the pad's last call) is the circuit going away, not an error.
/// </summary>
public sealed class SignaturePadTests : FleetComponentTest
{
    [Fact]
    public void Without_a_hint_the_pad_keeps_the_work_orders_sign_off_text()
    {
        var cut = Render<SignaturePad>(p => p.Add(x => x.Label, "Store manager"));

        Assert.Equal("The store manager signs here with a finger or stylus.", cut.Find("[data-testid=signature-hint]").TextContent);
    }

    [Theory]
    [InlineData(typeof(TaskCanceledException))]
    [InlineData(typeof(OperationCanceledException))]
    [InlineData(typeof(ObjectDisposedException))]
    public async Task Disposing_after_the_circuit_went_away_is_quiet(Type gone)
    {
        var module = Context.JSInterop.SetupModule("./js/signature-pad.js");
        module.SetupVoid("attach", _ => true).SetVoidResult();
        var exception = gone == typeof(ObjectDisposedException) ? new ObjectDisposedException("JSRuntime") : (Exception)Activator.CreateInstance(gone)!;
        module.SetupVoid("detach", _ => true).SetException(exception);
        var cut = Render<SignaturePad>(p => p.Add(x => x.Label, "Store manager"));

        await cut.InvokeAsync(async () => await cut.Instance.DisposeAsync());
    }
}
