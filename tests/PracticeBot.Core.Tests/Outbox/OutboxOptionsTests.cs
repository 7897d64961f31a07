using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PracticeBot.Core.Outbox;

namespace PracticeBot.Core.Tests.Outbox;

public sealed class OutboxOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        // Act
        var result = new OutboxOptionsValidator().Validate(null, new OutboxOptions());

        // Assert
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("MaxUnfinishedAttempts", "Outbox:MaxUnfinishedAttempts must be at least 1")]
    [InlineData("BatchSize", "Outbox:BatchSize must be at least 1")]
    [InlineData("PollInterval", "Outbox:PollInterval must be a positive duration")]
    [InlineData("LeaseDuration", "Outbox:LeaseDuration must be a positive duration")]
    [InlineData("BaseDelay", "Outbox:BaseDelay must be a positive duration")]
    [InlineData("MaxDelay", "Outbox:MaxDelay must be a positive duration")]
    [InlineData("GiveUpAfter", "Outbox:GiveUpAfter must be a positive duration")]
    public void Validate_SettingZero_FailsNamingTheKey(string setting, string expected)
    {
        // Arrange
        var options = new OutboxOptions();
        var property = typeof(OutboxOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? 0 : TimeSpan.Zero);

        // Act
        var result = new OutboxOptionsValidator().Validate(null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains(expected, result.Failures!);
    }

    [Fact]
    public void Validate_MaxDelayBelowBaseDelay_FailsNamingBothKeys()
    {
        // Arrange
        var options = new OutboxOptions { BaseDelay = TimeSpan.FromMinutes(1), MaxDelay = TimeSpan.FromSeconds(10) };

        // Act
        var result = new OutboxOptionsValidator().Validate(null, options);

        // Assert
        Assert.Contains("Outbox:MaxDelay must not be less than Outbox:BaseDelay", result.Failures!);
    }

    [Fact]
    public void AddOutboxDelivery_InvalidMaxUnfinishedAttempts_FailsAtStartNamingTheKey()
    {
        // Arrange
        using var provider = BuildServices(o => o.MaxUnfinishedAttempts = 0);

        // Act
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        // Assert
        Assert.Contains("Outbox:MaxUnfinishedAttempts must be at least 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOutboxDelivery_ValidSettings_RegistersDelivererAndWorker()
    {
        // Arrange
        using var provider = BuildServices(_ => { });

        // Act
        provider.GetRequiredService<IStartupValidator>().Validate();
        var deliverer = provider.GetRequiredService<OutboxDeliverer>();
        var hosted = provider.GetServices<IHostedService>();

        // Assert
        Assert.False(string.IsNullOrWhiteSpace(deliverer.WorkerId));
        Assert.Single(hosted.OfType<OutboxDeliveryWorker>());
    }

    private static ServiceProvider BuildServices(Action<OutboxOptions> configure)
    {
        // An empty configuration: every setting keeps its default unless the test changes it.
        var configuration = new Mock<IConfiguration> { DefaultValue = DefaultValue.Mock };
        var services = new ServiceCollection()
            .AddSingleton(configuration.Object)
            .AddSingleton(TimeProvider.System)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddOutboxDelivery();
        services.Configure(configure);
        return services.BuildServiceProvider();
    }
}
