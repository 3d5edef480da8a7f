using Microsoft.Extensions.Options;
using PaperBot.Core.Delivery;
using PaperBot.Core.Subscriptions;

namespace PaperBot.Configuration;

internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var (_, errors) = ScheduleDefaults.From(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new List<string>();
        if (options.Lease < TimeSpan.FromSeconds(2) || options.Lease > TimeSpan.FromMinutes(1))
            failures.Add($"Delivery:Lease must be between 00:00:02 and 00:01:00 (got {options.Lease}).");
        if (options.MaxAttemptsPerEdition is < 1 or > 20)
            failures.Add($"Delivery:MaxAttemptsPerEdition must be between 1 and 20 (got {options.MaxAttemptsPerEdition}).");
        if (options.RetryDelay <= TimeSpan.Zero || options.RetryDelay > options.MaxRetryDelay)
            failures.Add($"Delivery:RetryDelay must be positive and at most Delivery:MaxRetryDelay (got {options.RetryDelay} and {options.MaxRetryDelay}).");
        if (options.MaxRetryDelay > TimeSpan.FromDays(1))
            failures.Add($"Delivery:MaxRetryDelay must be at most a day (got {options.MaxRetryDelay}).");
        if (options.MaxConcurrentChannels is < 1 or > 10_000)
            failures.Add($"Delivery:MaxConcurrentChannels must be between 1 and 10000 (got {options.MaxConcurrentChannels}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
