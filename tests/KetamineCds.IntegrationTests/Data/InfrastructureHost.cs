using KetamineCds.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>The infrastructure's services as Program.cs registers them, from in-memory configuration, without the web host.</summary>
internal static class InfrastructureHost
{
    /// <summary>PostgreSQL as in production: migrations as the owner, the app as <paramref name="role"/> (created by the migration).</summary>
    public static Dictionary<string, string?> PostgresWithAppRole(Fixtures.PostgresCluster cluster, string database, string role) => new()
    {
        ["Database:Provider"] = "postgres",
        ["Database:AppRole"] = role,
        ["ConnectionStrings:KetamineCds"] = cluster.ConnectionString(role, database),
        ["ConnectionStrings:KetamineCdsMigrations"] = cluster.SuperuserConnectionString(database),
    };

    public static ServiceProvider Build(Dictionary<string, string?> settings, string contentRoot)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddKetamineCdsInfrastructure(configuration, new TestEnvironment(contentRoot));
        return services.BuildServiceProvider();
    }

    private sealed class TestEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "KetamineCds.Web";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
