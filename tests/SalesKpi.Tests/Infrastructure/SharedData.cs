using System;
using System.IO;

namespace SalesKpi.Tests.Infrastructure;

/// <summary>
/// Locates the shared reference data (<c>../shared/data</c> relative to the repository root): walks up from the test
/// assembly's directory to the folder holding <c>SalesKpi.sln</c>, then goes to <c>../shared/data</c>.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(Locate);

    /// <summary>Gets the shared data folder; throws with a clear message when it is missing.</summary>
    internal static string Folder => Root.Value;

    /// <summary>Returns the full path of a file under the shared data folder, checking that it exists.</summary>
    internal static string File(params string[] parts)
    {
        string path = Path.Combine([Folder, .. parts]);
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidOperationException($"Reference data file '{path}' is missing; the shared data folder is incomplete.");
        }

        return path;
    }

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "SalesKpi.sln")))
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            throw new InvalidOperationException(
                $"Could not find the repository root (a folder holding SalesKpi.sln) above '{AppContext.BaseDirectory}'.");
        }

        string data = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data"));
        if (!Directory.Exists(data))
        {
            throw new InvalidOperationException(
                $"The shared reference data folder '{data}' (../shared/data relative to the repository root '{directory.FullName}') is missing. "
                + "Tests that compare with published values need it; see the project README for how to obtain it.");
        }

        return data;
    }
}
