using Microsoft.Extensions.Hosting;

namespace KetamineCds.Infrastructure.Data;

/// <summary>
/// The app's own data folder, <c>App_Data</c> under the content root (ignored by git): the embedded database, and in
/// Development the generated checkpoint and data-protection keys. Created on first use.
/// </summary>
public static class AppDataFolder
{
    public static string For(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var folder = Path.Combine(environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
