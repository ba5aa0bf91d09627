using KetamineCds.Infrastructure;
using KetamineCds.Web.Security;

namespace KetamineCds.Web.Startup;

/// <summary>Prepares the database at start-up: migrations, roles and (Development only) the demo accounts, and the
/// first administrator from configuration.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.MigrateKetamineCdsDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var demo = DemoAccounts.AreEnabled(app.Environment, app.Configuration);
        await DemoAccounts.SeedAsync(scope.ServiceProvider, demo, demo ? DemoAccounts.PasswordFor(app.Environment, app.Configuration) : DemoAccounts.Password);
        await DemoAccounts.EnsureBootstrapAdminAsync(scope.ServiceProvider, app.Configuration);
    }
}
