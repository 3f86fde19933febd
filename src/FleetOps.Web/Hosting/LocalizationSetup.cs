using FleetOps.Web.Api;
using FleetOps.Web.Localization;
using FleetOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace FleetOps.Web.Hosting;

/// <summary>
/// Simplified Chinese and English (PROTOCOL.md §10): the request's culture, the circuit's culture and how it changes,
/// FleetOps' and MudBlazor's texts.
/// </summary>
public static class LocalizationSetup
{
    public static IServiceCollection AddFleetLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddScoped<UiCulture>();
        // The circuit's language, not the thread's: see UiCulture.
        services.AddScoped<IStringLocalizer<UiText>, CultureLocalizer<UiText>>();
        services.AddScoped<IStringLocalizer<MudBlazorText>, CultureLocalizer<MudBlazorText>>();
        services.AddScoped<UiFormat>();
        services.AddScoped<IReaderLanguage, ExportLanguage>();
        services.AddScoped<CultureSwitch>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CultureCircuitHandler>());
        // Components that show text follow this value and render again when the language changes (LocalizedComponent).
        services.AddScoped(sp => new CascadingValueSource<UiCulture>(sp.GetRequiredService<UiCulture>(), isFixed: false));
        services.AddCascadingValue(sp => sp.GetRequiredService<CascadingValueSource<UiCulture>>());
        services.AddTransient<MudLocalizer, FleetMudLocalizer>();
        // MudBlazor would answer English from its own resources whenever the thread's culture is English; asking the
        // localizer every time keeps it on the circuit's language, whatever thread renders.
        services.AddLocalizationInterceptor(sp => new DefaultLocalizationInterceptor(sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<MudLocalizer>())
        {
            IgnoreDefaultEnglish = true,
        });
        services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<LanguageOptions>, UserDirectory>((o, language, users) =>
        {
            o.SetDefaultCulture(SupportedCultures.Find(language.Value.DefaultCulture)!.Name);
            o.SupportedCultures = [.. SupportedCultures.All];
            o.SupportedUICultures = [.. SupportedCultures.All];
            o.RequestCultureProviders =
            [
                new SavedCultureProvider(users),
                new CookieRequestCultureProvider(),
                new BrowserCultureProvider(),
            ];
        });
        return services;
    }
}
