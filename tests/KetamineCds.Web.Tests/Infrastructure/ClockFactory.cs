using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KetamineCds.Web.Tests.Infrastructure;

/// <summary>The app on a clock the test moves; optionally a shorter absolute session lifetime (<c>hh:mm:ss</c>).</summary>
public sealed class ClockFactory(FakeTimeProvider clock, string? absoluteLifetime = null) : KetamineCdsFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (absoluteLifetime is not null)
        {
            builder.UseSetting("Sessions:AbsoluteLifetime", absoluteLifetime);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        });
    }
}
