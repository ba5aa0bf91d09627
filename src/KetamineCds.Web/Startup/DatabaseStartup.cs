using KetamineCds.Infrastructure;
using KetamineCds.Web.Security;

namespace KetamineCds.Web.Startup;

/// <summary>Prepares the database at start-up: migrations, roles and (Development only) the demo accounts.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.MigrateKetamineCdsDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await DemoAccounts.SeedAsync(scope.ServiceProvider, DemoAccounts.AreEnabled(app.Environment, app.Configuration));
    }
}
