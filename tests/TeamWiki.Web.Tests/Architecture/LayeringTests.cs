using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace TeamWiki.Web.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/architecture.md, checked on the compiled assemblies: Web's capability
/// folders form no cycle, Storage and Search never see each other or Web, and only Storage touches git.
/// </summary>
public sealed class LayeringTests
{
    private static readonly ArchUnitNET.Domain.Architecture Assemblies = new ArchLoader().LoadAssemblies(
        typeof(TeamWiki.Web.Hosting.DataFolderSetup).Assembly,
        typeof(TeamWiki.Storage.Pages.IPageStore).Assembly,
        typeof(TeamWiki.Search.ISearchIndex).Assembly).Build();

    [Fact]
    public void WebCapabilityFoldersDependOnEachOtherWithoutCycles() =>
        Slices().Matching("TeamWiki.Web.(*)").Should().BeFreeOfCycles().Check(Assemblies);

    [Fact]
    public void StorageDoesNotKnowSearchOrWeb() =>
        Types().That().ResideInNamespaceMatching(@"^TeamWiki\.Storage(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^TeamWiki\.(Search|Web)(\..*)?$"))
            .Check(Assemblies);

    [Fact]
    public void SearchDoesNotKnowStorageOrWeb() =>
        Types().That().ResideInNamespaceMatching(@"^TeamWiki\.Search(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^TeamWiki\.(Storage|Web)(\..*)?$"))
            .Check(Assemblies);

    [Fact]
    public void NothingOutsideStorageReadsGitObjects() =>
        Types().That().ResideInNamespaceMatching(@"^TeamWiki\.(Web|Search)(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^LibGit2Sharp(\..*)?$"))
            .Check(Assemblies);
}
