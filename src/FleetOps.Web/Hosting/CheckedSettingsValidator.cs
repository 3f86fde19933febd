using FleetOps.Core.Settings;
using Microsoft.Extensions.Options;

namespace FleetOps.Web.Hosting;

/// <summary>Runs a settings class's own rules (<see cref="ICheckedSettings.Problems"/>) wherever options are validated.</summary>
public sealed class CheckedSettingsValidator<T> : IValidateOptions<T> where T : class, ICheckedSettings
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
