using PaperBot.Core.Files;
using PaperBot.Testing;

namespace PaperBot.Core.Tests;

public sealed class FileProbeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("paperbot-probe-").FullName;

    [Fact]
    public void The_kernel_tells_a_pipe_a_folder_and_a_regular_file_apart_and_identifies_them()
    {
        var fifo = Path.Combine(_folder, "fifo.md");
        SpecialFiles.CreateFifo(fifo);
        var file = Path.Combine(_folder, "a.md");
        File.WriteAllText(file, "12345");

        Assert.Equal(FileKind.Fifo, FileProbe.Probe(fifo).Kind);
        Assert.Equal(FileKind.Directory, FileProbe.Probe(_folder).Kind);
        Assert.Equal((FileKind.Regular, 5L), (FileProbe.Probe(file).Kind, FileProbe.Probe(file).Size));
        Assert.Equal(FileKind.Missing, FileProbe.Probe(Path.Combine(_folder, "none")).Kind);
        Assert.NotNull(FileProbe.Probe(_folder).Identity);
        Assert.NotEqual(FileProbe.Probe(_folder).Identity, FileProbe.Probe(file).Identity);
    }

    [Fact]
    public void Without_the_kernel_call_a_pipe_is_of_unknown_kind_and_size_zero_so_it_is_not_opened()
    {
        var fifo = Path.Combine(_folder, "fifo.md");
        SpecialFiles.CreateFifo(fifo);

        Assert.Equal(new FileFacts(FileKind.Unknown, 0, null), FileProbe.FromFileInfo(fifo));
        Assert.Equal(FileKind.Directory, FileProbe.FromFileInfo(_folder).Kind);
        Assert.Equal(FileKind.Missing, FileProbe.FromFileInfo(Path.Combine(_folder, "none")).Kind);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
