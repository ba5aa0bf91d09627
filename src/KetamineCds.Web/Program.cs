var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();

var app = builder.Build();
app.UseStaticFiles();
app.UseRouting();
app.MapRazorPages();
app.Run();

/// <summary>Entry point; public so that WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
