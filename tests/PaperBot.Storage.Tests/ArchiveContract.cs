using PaperBot.Core.Domain;
using PaperBot.Core.Ports;
using PaperBot.Storage.Tests.Delivery;
using PaperBot.Core.Queries;
using Xunit;
using static PaperBot.Storage.Tests.TestEditions;

namespace PaperBot.Storage.Tests;

/// <summary>
/// What every archive must do through the ports (read side, writer, and the delivery record kept beside them), in a database or in memory.
/// Each test starts on an empty archive.
/// </summary>
public abstract class ArchiveContract<TArchive> : DeliveryRecordContract, IAsyncLifetime
    where TArchive : IEditionArchive, IArchiveWriter
{
    protected TArchive Store { get; private set; } = default!;

    /// <summary>A new, empty archive.</summary>
    protected abstract Task<TArchive> CreateArchiveAsync();

    public async Task InitializeAsync() => Store = await CreateArchiveAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_empty_archive_has_no_editions_and_finds_nothing()
    {
        Assert.Null(await Store.GetLatestAsync());
        Assert.Null(await Store.GetEditionAsync(Day1));
        Assert.Empty(await Store.ListDatesAsync());
        Assert.Empty(await Store.SearchAsync("모델", 10));
        Assert.Empty(await Store.FindByTitleAsync("fine tuning", null, 10));
        Assert.Empty(await Store.FindByArxivIdAsync("2601.02151"));
    }

    [Fact]
    public async Task A_stored_edition_reads_back_exactly_with_every_field()
    {
        var edition = Korean(Day4);
        await Store.StoreAsync(edition, Source("digests/2026-01-08.md"));

        AssertSameEdition(edition, await Store.GetEditionAsync(Day4));
        AssertSameEdition(edition, await Store.GetLatestAsync());
    }

    [Fact]
    public async Task Latest_is_the_newest_date_and_dates_list_newest_first_whatever_the_ingest_order()
    {
        await Store.StoreAsync(Korean(Day2), Source("b.md"));
        await Store.StoreAsync(Korean(Day4), Source("d.md"));
        await Store.StoreAsync(Korean(Day1), Source("a.md"));

        Assert.Equal(Day4, (await Store.GetLatestAsync())!.Date);
        Assert.Equal([Day4, Day2, Day1], await Store.ListDatesAsync());
        Assert.Null(await Store.GetEditionAsync(Day3));
    }

    [Fact]
    public async Task An_edition_without_papers_is_kept_as_an_empty_edition()
    {
        await Store.StoreAsync(new Edition(Day1, []), Source("empty.md"));

        var edition = await Store.GetEditionAsync(Day1);
        Assert.NotNull(edition);
        Assert.Empty(edition.Papers);
    }

    [Fact]
    public async Task Storing_a_date_again_replaces_its_edition_everywhere()
    {
        await Store.StoreAsync(Korean(Day4), Source("d.md"));
        Assert.Equal(2, (await Store.GetEditionAsync(Day4))!.Papers.Count);
        Assert.Single(await Store.FindByArxivIdAsync("2601.02151"));
        Assert.Single(await Store.SearchAsync("엔트로피", 10));
        Assert.Single(await Store.FindByTitleAsync("entropy", null, 10));
        Assert.Empty(await Store.SearchAsync("diffusion", 10));

        var corrected = English(Day4, Paper(1, "Corrected Paper About Diffusion", summary: "Only one paper now.", arxivId: "2601.09999"));
        await Store.StoreAsync(corrected, Source("d.md", "hash-2"));

        AssertSameEdition(corrected, await Store.GetEditionAsync(Day4));
        Assert.Equal([Day4], await Store.ListDatesAsync());
        Assert.Empty(await Store.FindByArxivIdAsync("2601.02151"));
        Assert.Empty(await Store.SearchAsync("엔트로피", 10));
        Assert.Empty(await Store.FindByTitleAsync("entropy", null, 10));
        Assert.Single(await Store.SearchAsync("diffusion", 10));
    }

    [Fact]
    public async Task The_source_hash_is_recorded_so_an_unchanged_file_can_be_skipped()
    {
        Assert.Null(await Store.GetSourceHashAsync("digests/a.md"));

        await Store.StoreAsync(Korean(Day1), Source("digests/a.md", "sha-aaa"));
        Assert.Equal("sha-aaa", await Store.GetSourceHashAsync("digests/a.md"));
        Assert.Null(await Store.GetSourceHashAsync("digests/b.md"));

        await Store.StoreAsync(Korean(Day1), Source("digests/a.md", "sha-bbb"));
        Assert.Equal("sha-bbb", await Store.GetSourceHashAsync("digests/a.md"));
    }

    [Fact]
    public async Task A_file_whose_date_heading_changed_moves_its_edition_to_the_new_date()
    {
        await Store.StoreAsync(Korean(Day1), Source("digests/x.md", "sha-1"));
        await Store.StoreAsync(Korean(Day2), Source("digests/x.md", "sha-2"));

        Assert.Equal([Day2], await Store.ListDatesAsync());
    }

    [Fact]
    public async Task Many_editions_are_stored_in_one_batch_and_a_later_item_for_the_same_date_wins()
    {
        var items = Enumerable.Range(0, 150)
            .Select(i => (English(Day1.AddDays(-i), Paper(1, $"Paper number {i}", arxivId: $"2501.{i:00000}")), Source($"digests/{i}.md")))
            .Append((English(Day1, Paper(1, "Replacement in the same batch")), Source("digests/again.md")))
            .ToList();

        await Store.StoreManyAsync(items);

        var dates = await Store.ListDatesAsync();
        Assert.Equal(150, dates.Count);
        Assert.Equal(Day1, dates[0]);
        Assert.Equal(Day1.AddDays(-149), dates[^1]);
        Assert.Equal("Replacement in the same batch", (await Store.GetLatestAsync())!.Papers[0].Title);
        Assert.Equal("Paper number 7", (await Store.FindByArxivIdAsync("2501.00007")).Single().Paper.Title);
        Assert.Equal("Paper number 107", (await Store.FindByTitleAsync("number 107", null, 5)).Single().Paper.Title);
        Assert.Equal(149, (await Store.SearchAsync("number", 500)).Count);
    }

    [Fact]
    public async Task A_search_matching_more_papers_than_are_ranked_answers_from_the_newest()
    {
        // Stored a day at a time, oldest first, as the pipeline writes them.
        const int days = 130;
        var items = Enumerable.Range(0, days).Reverse()
            .Select(i => (English(Day1.AddDays(-i), Paper(1, i == days - 1 ? "Diffusion diffusion diffusion, the oldest" : $"Diffusion study {i}")), Source($"digests/{i}.md")))
            .ToList();
        await Store.StoreManyAsync(items);

        var hits = await Store.SearchAsync("diffusion", 10);

        Assert.Equal(10, hits.Count);
        Assert.All(hits, hit => Assert.True(hit.Date > Day1.AddDays(-days + 1), $"{hit.Date} is older than the newest matches"));
        Assert.Equal(days, (await Store.SearchAsync("diffusion", days)).Count);
    }

    [Fact]
    public async Task A_paper_is_found_by_arxiv_id_on_every_day_it_appeared_newest_first()
    {
        var paper = Paper(1, "Recurring Paper", arxivId: "2601.02151");
        await Store.StoreAsync(English(Day1, paper), Source("1.md"));
        await Store.StoreAsync(English(Day3, Paper(1, "Other"), paper with { Rank = 2 }), Source("3.md"));
        await Store.StoreAsync(English(Day2, Paper(1, "Unrelated", arxivId: "2601.00001")), Source("2.md"));

        var found = await Store.FindByArxivIdAsync("2601.02151");

        Assert.Equal([(Day3, 2), (Day1, 1)], found.Select(r => (r.Date, r.Paper.Rank)));
        Assert.All(found, r => Assert.Equal("Recurring Paper", r.Paper.Title));
        Assert.Empty(await Store.FindByArxivIdAsync("2601.99999"));
    }

    [Fact]
    public async Task Title_words_must_all_appear_in_any_case_and_the_newest_comes_first()
    {
        await Store.StoreAsync(English(Day1,
            Paper(1, "Sparse Transformers for Long Documents"),
            Paper(2, "Dense Retrieval for Long Documents")), Source("1.md"));
        await Store.StoreAsync(English(Day2, Paper(1, "Efficient SPARSE transformers at Scale")), Source("2.md"));

        var found = await Store.FindByTitleAsync("transformers sparse", null, 10);
        Assert.Equal([(Day2, 1), (Day1, 1)], found.Select(r => (r.Date, r.Paper.Rank)));

        var onDay1 = await Store.FindByTitleAsync("TRANSFORMERS", Day1, 10);
        Assert.Equal([(Day1, 1)], onDay1.Select(r => (r.Date, r.Paper.Rank)));

        Assert.Single(await Store.FindByTitleAsync("long documents", null, 1));
        Assert.Empty(await Store.FindByTitleAsync("sparse retrieval", null, 10));
    }

    [Fact]
    public async Task Title_words_of_one_or_two_letters_and_korean_words_are_found_too()
    {
        await Store.StoreAsync(Korean(Day1), Source("1.md"));
        await Store.StoreAsync(English(Day2, Paper(1, "Scaling RL for Agents"), Paper(2, "Curl: Contrastive Learning")), Source("2.md"));

        Assert.Equal("한국어 LLM 평가 벤치마크", (await Store.FindByTitleAsync("평가 llm", null, 10)).Single().Paper.Title);
        Assert.Equal(["Scaling RL for Agents", "Curl: Contrastive Learning"], (await Store.FindByTitleAsync("rl", null, 10)).Select(r => r.Paper.Title));
        Assert.Equal("Scaling RL for Agents", (await Store.FindByTitleAsync("RL agents", null, 10)).Single().Paper.Title);
    }

    [Fact]
    public async Task English_search_ranks_the_paper_about_the_topic_above_a_passing_mention()
    {
        var aboutIt = Paper(1, "Sparse Transformers for Long Documents",
            summary: "A transformer that attends sparsely.",
            keyPoints: ["The transformer scales to 1M tokens."]);
        var mentionsIt = Paper(1, "Diffusion Policies for Robot Control",
            summary: "Robots learn smooth actions with diffusion.",
            @abstract: "We train diffusion policies on 50 tasks and compare them with recurrent and transformer baselines across many settings, in simulation and on two real robots.");
        await Store.StoreAsync(English(Day1, aboutIt), Source("1.md"));
        await Store.StoreAsync(English(Day2, mentionsIt, Paper(2, "Unrelated Work on Graphs")), Source("2.md"));

        var hits = await Store.SearchAsync("Transformer", 10);

        Assert.Equal(["Sparse Transformers for Long Documents", "Diffusion Policies for Robot Control"], hits.Select(h => h.Paper.Title));
        Assert.True(hits[0].Score < hits[1].Score, "a better hit has a lower score");
        Assert.Equal(Day1, hits[0].Date);
    }

    [Fact]
    public async Task Korean_search_ranks_the_paper_about_the_topic_above_a_passing_mention()
    {
        var aboutIt = Paper(1, "Efficient Attention",
            summary: "트랜스포머의 주의 계산을 줄이는 방법을 제안한다.",
            keyPoints: ["트랜스포머는 긴 문맥에서도 빠르다."],
            @abstract: "우리는 트랜스포머 구조를 개선합니다.");
        var mentionsIt = Paper(1, "Robot Policies",
            summary: "로봇이 부드러운 동작을 학습한다.",
            @abstract: "우리는 확산 정책을 50개 과제에서 학습하고, 순환 신경망 및 트랜스포머 기반 방법과 비교합니다. 실험은 시뮬레이션과 실제 로봇에서 수행되었습니다.");
        await Store.StoreAsync(English(Day1, aboutIt), Source("1.md"));
        await Store.StoreAsync(English(Day2, mentionsIt), Source("2.md"));

        var hits = await Store.SearchAsync("트랜스포머", 10);

        Assert.Equal(["Efficient Attention", "Robot Policies"], hits.Select(h => h.Paper.Title));
        Assert.True(hits[0].Score < hits[1].Score, "a better hit has a lower score");
    }

    [Fact]
    public async Task Equally_good_hits_come_newest_first()
    {
        var twin = Paper(1, "State Space Models Revisited", summary: "Mamba 계열 상태 공간 모델을 다시 살펴본다.");
        await Store.StoreAsync(English(Day1, twin), Source("1.md"));
        await Store.StoreAsync(English(Day3, twin), Source("3.md"));
        await Store.StoreAsync(English(Day2, twin), Source("2.md"));

        foreach (var query in new[] { "mamba", "상태 공간" })
        {
            var hits = await Store.SearchAsync(query, 10);
            Assert.Equal([Day3, Day2, Day1], hits.Select(h => h.Date));
            Assert.Equal(hits[0].Score, hits[2].Score);
        }
    }

    [Fact]
    public async Task Search_covers_titles_summaries_abstracts_and_key_points()
    {
        await Store.StoreAsync(Korean(Day1), Source("1.md"));

        Assert.Equal(1, (await Store.SearchAsync("Confident Conflicts", 10)).Single().Paper.Rank); // title
        Assert.Equal(1, (await Store.SearchAsync("적응형", 10)).Single().Paper.Rank);             // summary
        Assert.Equal(1, (await Store.SearchAsync("패러다임", 10)).Single().Paper.Rank);            // abstract
        Assert.Equal(2, (await Store.SearchAsync("문화적 맥락", 10)).Single().Paper.Rank);         // key points
    }

    [Fact]
    public async Task Every_word_of_a_search_must_match_short_korean_words_included()
    {
        await Store.StoreAsync(Korean(Day1), Source("1.md"));
        await Store.StoreAsync(English(Day2,
            Paper(1, "Vision Models", summary: "이미지 모델을 효율적으로 학습한다."),
            Paper(2, "Speech", summary: "음성 인식 성능을 높인다.")), Source("2.md"));

        Assert.Equal([(Day2, 1), (Day1, 2), (Day1, 1)], (await Store.SearchAsync("모델", 10)).Select(h => (h.Date, h.Paper.Rank)).Order().Reverse());
        Assert.Equal([(Day2, 1)], (await Store.SearchAsync("모델 이미지", 10)).Select(h => (h.Date, h.Paper.Rank)));
        Assert.Equal([(Day1, 2)], (await Store.SearchAsync("모델 벤치마크", 10)).Select(h => (h.Date, h.Paper.Rank)));
        Assert.Empty(await Store.SearchAsync("모델 음성", 10));
        Assert.Equal(2, (await Store.SearchAsync("모델", 2)).Count);
    }

    [Fact]
    public async Task Search_text_is_matched_literally_quotes_and_wildcards_included()
    {
        await Store.StoreAsync(English(Day1,
            Paper(1, "Pruning \"Lottery\" Tickets", summary: "This is a 50% pruning of the weights."),
            Paper(2, "Other", summary: "Removes 50 weights_and more.")), Source("1.md"));

        Assert.Equal(1, (await Store.SearchAsync("\"lottery\"", 10)).Single().Paper.Rank);
        Assert.Equal(1, (await Store.SearchAsync("50%", 10)).Single().Paper.Rank);
        Assert.Equal(2, (await Store.SearchAsync("s_a", 10)).Single().Paper.Rank);
        Assert.Empty(await Store.SearchAsync("   ", 10));
        Assert.Empty(await Store.SearchAsync("' OR 1=1 --", 10));
    }

    [Fact]
    public async Task Control_characters_in_search_text_separate_words_and_never_reach_the_database()
    {
        await Store.StoreAsync(English(Day1, Paper(1, "Diffusion Models for Video", summary: "영상 생성을 위한 확산 모델")), Source("1.md"));

        foreach (var query in new[] { "diffusion\0video", "\0diffusion", "diffusion\u0001\u001f\u007f video", "확산\0모델", "diffusion\ud800", "\udc00video\ud83d" })
        {
            Assert.Equal(1, (await Store.SearchAsync(query, 10)).Single().Paper.Rank);
            Assert.Equal(1, (await Store.FindByTitleAsync(query.Replace("확산", "models").Replace("모델", "video"), null, 10)).Single().Paper.Rank);
        }
        Assert.Empty(await Store.SearchAsync("\0", 10));
        Assert.Empty(await Store.SearchAsync("\0\0\0 \u0007", 10));
        Assert.Empty(await Store.FindByTitleAsync("\0", null, 10));
    }

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    [Fact]
    public async Task Search_text_beyond_the_bounds_finds_nothing_and_never_fails()
    {
        var sixteen = string.Join(' ', Enumerable.Range(0, SearchQuery.MaxWords).Select(i => $"w{i:00}"));
        await Store.StoreAsync(English(Day1, Paper(1, sixteen, summary: "Entropy entropy.")), Source("1.md"));
        // A thousand distinct words too short for the trigram index: SQLite's expression depth limit is 1000.
        var thousandShort = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"{Alphabet[i % 36]}{Alphabet[i / 36]}"));
        var thousandLong = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"word{i}"));

        foreach (var query in new[] { thousandShort, thousandLong, new string('e', 10_000), sixteen + " w16" })
        {
            Assert.Empty(await Store.SearchAsync(query, 10));
            Assert.Empty(await Store.FindByTitleAsync(query, null, 10));
        }
        Assert.Equal(1, (await Store.SearchAsync(sixteen, 10)).Single().Paper.Rank);
        Assert.Equal(1, (await Store.FindByTitleAsync(sixteen, null, 10)).Single().Paper.Rank);
    }

    [Fact]
    public async Task Words_that_look_like_query_syntax_are_searched_literally()
    {
        await Store.StoreAsync(English(Day1, Paper(1, "Plain Paper", summary: "Nothing special here.")), Source("1.md"));

        foreach (var query in new[] { "NEAR(plain paper)", "title:plain", "^plain", "plain*", "-plain", "( ) \" \"\"", "plain AND OR NOT", "{title}: x", "\\ % _ '" })
            Assert.Empty(await Store.SearchAsync(query, 10));
        Assert.Single(await Store.SearchAsync("plain paper", 10));
    }

    [Fact]
    public async Task Many_concurrent_readers_get_consistent_editions_while_a_writer_replaces_them()
    {
        await Store.StoreAsync(Korean(Day1), Source("1.md"));
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
                await Store.StoreAsync(English(Day1, Paper(1, $"Version {i}"), Paper(2, $"Version {i} second")), Source("1.md", $"h{i}"));
        });
        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (!writer.IsCompleted)
            {
                var edition = await Store.GetEditionAsync(Day1);
                Assert.NotNull(edition);
                Assert.Equal(2, edition.Papers.Count);
            }
        })).ToList();

        await Task.WhenAll(readers.Append(writer));
        Assert.Equal("Version 9", (await Store.GetLatestAsync())!.Papers[0].Title);
    }

    protected static void AssertSameEdition(Edition expected, Edition? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.Papers.Count, actual.Papers.Count);
        foreach (var (want, got) in expected.Papers.Zip(actual.Papers))
        {
            Assert.Equal(want with { KeyPoints = [], Figures = [], OtherSections = [] }, got with { KeyPoints = [], Figures = [], OtherSections = [] });
            Assert.Equal(want.KeyPoints, got.KeyPoints);
            Assert.Equal(want.Figures, got.Figures);
            Assert.Equal(want.OtherSections, got.OtherSections);
        }
    }
}
