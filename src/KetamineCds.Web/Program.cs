using KetamineCds.Infrastructure;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Security;
using KetamineCds.Web.Startup;

var builder = WebApplication.CreateBuilder(args);
builder.RequireAppSettingsOutsideDevelopment();

builder.Services.AddKetamineCdsInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddKetamineCdsAuthentication();
builder.Services.AddKetamineCdsWeb();
builder.Services.AddKetamineCdsHooks(builder.Configuration, builder.Environment);
builder.AddKetamineCdsHardening();

var app = builder.Build();

await app.PrepareDatabaseAsync();
app.UseKetamineCdsWeb();
await app.RunAsync();

/// <summary>Entry point; public so that WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
