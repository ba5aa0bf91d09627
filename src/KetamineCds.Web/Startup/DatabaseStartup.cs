using KetamineCds.Web.Security;

namespace KetamineCds.Web.Startup;

/// <summary>Prepares the database at start-up: schema, roles and (Development only) the demo accounts.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await InterimData.PrepareInterimDatabaseAsync(scope.ServiceProvider);
        await DemoAccounts.SeedAsync(scope.ServiceProvider, DemoAccounts.AreEnabled(app.Environment, app.Configuration));
    }
}
