using TeamWiki.Web.Tests.Support;

namespace TeamWiki.Web.Tests.Data;

public sealed class DoubleSubmitOnSqliteTests(LazyServer<TeamWikiFactory> fx) : DoubleSubmitScenarios(fx.Server), IClassFixture<LazyServer<TeamWikiFactory>>
{
    [Fact]
    public Task Ten_identical_reactions_at_once_give_one_reaction() => ReactionsAsync();

    [Fact]
    public Task Ten_toggles_at_once_never_fail_and_leave_at_most_one_reaction() => TogglesAsync();

    [Fact]
    public Task Ten_identical_member_puts_at_once_make_one_membership() => MembersAsync();

    [Fact]
    public Task Ten_identical_watches_at_once_make_one_watch() => WatchesAsync();

    [Fact]
    public Task Ten_accounts_at_once_with_the_same_handle_each_get_a_handle_of_their_own() => HandlesAsync();

    [Fact]
    public Task Ten_identical_accounts_at_once_make_one_account_and_answer_409_to_the_rest() => AccountsAsync();
}

public sealed class DoubleSubmitOnPostgreSqlTests(LazyServer<PostgreSqlFactory> fx) : DoubleSubmitScenarios(fx.Server), IClassFixture<LazyServer<PostgreSqlFactory>>
{
    [PostgreSqlFact]
    public Task Ten_identical_reactions_at_once_give_one_reaction() => ReactionsAsync();

    [PostgreSqlFact]
    public Task Ten_toggles_at_once_never_fail_and_leave_at_most_one_reaction() => TogglesAsync();

    [PostgreSqlFact]
    public Task Ten_identical_member_puts_at_once_make_one_membership() => MembersAsync();

    [PostgreSqlFact]
    public Task Ten_identical_watches_at_once_make_one_watch() => WatchesAsync();

    [PostgreSqlFact]
    public Task Ten_accounts_at_once_with_the_same_handle_each_get_a_handle_of_their_own() => HandlesAsync();

    [PostgreSqlFact]
    public Task Ten_identical_accounts_at_once_make_one_account_and_answer_409_to_the_rest() => AccountsAsync();
}
