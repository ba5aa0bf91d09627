using System.Globalization;

/// <summary>
/// Loaded into the app by the runtime when <c>DOTNET_STARTUP_HOOKS</c> names this assembly (benchmarks/allocation.sh).
/// When <c>KETAMINECDS_ALLOCATION_PROBE</c> names a file, a background thread appends to it, four times a second, the Unix
/// time in milliseconds and the bytes the process has allocated since it started (<see cref="GC.GetTotalAllocatedBytes"/>,
/// the count the runtime's <c>dotnet.gc.heap.total_allocated</c> counter reports). The count is cumulative, so a reading
/// lost or late loses nothing: the bytes of a round are the difference of two readings taken while the app is idle.
/// </summary>
/// <remarks>The runtime requires the hook to be a class named StartupHook outside any namespace, with this method.</remarks>
internal static class StartupHook
{
    public static void Initialize()
    {
        var path = Environment.GetEnvironmentVariable("KETAMINECDS_ALLOCATION_PROBE");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        new Thread(() => Write(path)) { IsBackground = true, Name = "allocation-probe" }.Start();
    }

    private static void Write(string path)
    {
        using var writer = new StreamWriter(path, append: false) { AutoFlush = true };
        while (true)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {GC.GetTotalAllocatedBytes(false)}"));
            Thread.Sleep(250);
        }
    }
}
