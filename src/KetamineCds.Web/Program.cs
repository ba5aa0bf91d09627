using KetamineCds.Infrastructure;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;

// A setting refused, a database that cannot be used, an address Kestrel cannot listen on or a TLS certificate it cannot
// open ends the start with one Critical message naming what to fix and exit code 1 (StartupFailure,
// docs/operations.md); under WebApplicationFactory the exception reaches the test as before.
WebApplicationBuilder? builder = null;
WebApplication? app = null;
try
{
    builder = WebApplication.CreateBuilder(args);
    StartupFailure.QuietDuplicateErrorsWhileStarting(builder);
    builder.RequireAppSettingsOutsideDevelopment();

    builder.Services.AddKetamineCdsInfrastructure(builder.Configuration, builder.Environment);
    builder.Services.AddKetamineCdsAuthentication();
    builder.Services.AddKetamineCdsWeb();
    builder.Services.AddKetamineCdsHooks(builder.Configuration, builder.Environment);
    builder.AddKetamineCdsHardening();

    app = builder.Build();
    app.Lifetime.ApplicationStarted.Register(StartupFailure.Started);

    await app.PrepareDatabaseAsync();
    // Warnings about a setup that starts but does not serve as meant: plain HTTP only, keys others may read.
    app.WarnAboutTheSetup();
    app.UseKetamineCdsWeb();
    // RunAsync would dispose the app's services when the start fails (a port, the TLS certificate, a Clinic setting),
    // before ReportAsync writes its Critical record through the app's loggers: so start, wait and dispose here.
    await app.StartAsync();
    await app.WaitForShutdownAsync();
    await app.DisposeAsync();
    return 0;
}
catch (Exception exception) when (StartupFailure.ShouldHandle(exception))
{
    return await StartupFailure.ReportAsync(exception, builder, app);
}

/// <summary>Entry point; public so that WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
