using Microsoft.Extensions.Hosting;

namespace KetamineCds.Infrastructure.Data;

/// <summary>
/// The app's own data folder, <c>App_Data</c> under the content root (ignored by git): the embedded database, and in
/// Development the generated checkpoint and data-protection keys. Not created here: whatever writes a file there
/// creates the folder then, so that an app that keeps nothing there (PostgreSQL, the keys and the checkpoint folder
/// configured, as in the Docker image) starts where it may not write to its content root.
/// </summary>
public static class AppDataFolder
{
    public static string For(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Path.Combine(environment.ContentRootPath, "App_Data");
    }
}
