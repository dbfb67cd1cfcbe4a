/**
 * The words that tell what kind of thing a name is, in English, Russian and Ukrainian: titles that
 * precede people, the generic words organisations and places are named with, and the capitalised
 * words that are never names on their own. Compared lowercased; Cyrillic words by their stem
 * (see `cyrillicStemIn`), since they decline.
 */

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Titles before a person's name: "Senator Grassley", "President Joe Biden", "Dr. Walensky". */
export const ENGLISH_TITLES = set(`
  mr mrs ms miss dr prof professor sir dame lord lady president vice minister secretary senator sen
  congressman congresswoman congressmember representative rep ambassador envoy governor gov mayor
  chancellor premier king queen prince princess emperor pope cardinal bishop archbishop patriarch
  rabbi imam sheikh emir general gen admiral adm colonel col lieutenant lt captain capt major
  sergeant sgt commander marshal judge justice chairman chairwoman chair director commissioner
  spokesman spokeswoman spokesperson speaker leader deputy counsel attorney advisor adviser
  mesdames messrs dear comrade father sister brother saint st
`);

/** English words that make a capitalised phrase an organisation's name. */
export const ENGLISH_ORGANISATION_WORDS = set(`
  ministry department council committee commission institute institution university college school
  academy foundation fund agency bank corporation corp inc incorporated ltd llc plc company co group
  holdings association union party centre center office service services forces force army navy
  guard guards corps court parliament congress senate assembly organization organisation bureau
  administration directorate authority board cabinet chamber secretariat mission command club
  forum alliance coalition federation society trust network times post journal news herald gazette
  tribune telegraph guardian television tv radio media press airlines airways technologies systems
  industries enterprises partners laboratories labs hospital clinic museum library church
  commonwealth initiative program programme project watch caucus conference cabinet embassy
  consulate staff division brigade regiment battalion fleet police reserve
`);

/** Capitalised words that are organisations on their own when written capitalised mid-sentence. */
export const ENGLISH_INSTITUTIONS = set(`
  congress senate parliament pentagon kremlin duma rada bundestag knesset politburo vatican
  interpol europol treasury house
`);

/**
 * Parties named by their members' name, capitalised: "Democrats and Republicans", "a Republican
 * senator", "the GOP", "the Tories". "Democratic" only inside a sentence ("a Democratic senator"):
 * opening one, it is as often the adjective.
 */
export const ENGLISH_PARTIES = set(`
  democrat democrats republican republicans democratic gop tory tories
`);

/** English words that make a capitalised phrase a place's name. */
export const ENGLISH_PLACE_WORDS = set(`
  city town village river sea ocean lake island islands isles province region oblast county
  district peninsula valley bay strait straits gulf mountains mountain mount mt desert canal street
  avenue square boulevard airport port harbor harbour coast highlands plain basin delta
  room beach cathedral palace monastery garden gardens plaza cemetery lawn
`);

/** Prepositions and verbs after which a capitalised word is likely a place: "in Kharkiv", "from Iowa". */
export const ENGLISH_PLACE_CUES = set(
  // "route": a gaggle "en route Cleveland, Ohio".
  `in from near outside across throughout around toward towards via inside into route`,
);

/** Words that join the items of a list, in English, Russian and Ukrainian. */
export const LIST_CONJUNCTIONS = new Set(["and", "or", "и", "или", "і", "й", "та", "або"]);

/** Lowercase words that may join the words of an organisation's or a place's name. */
export const ENGLISH_CONNECTORS = set(
  `of for on and the de del da di du la le van von der den al el bin ibn y &`,
);

/** Days and months: capitalised, never a name, and no name reads on past one ("the Oval Office on Friday"). */
export const ENGLISH_CALENDAR_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december
`);

/** Capitalised words that are not names: pronouns, calendar words, languages and religions, sentence openers. */
export const ENGLISH_NOT_NAMES = set(`
  i i'm i've i'll i'd i’m i’ve i’ll i’d a an the this that these those there here it its we our us you your he she
  they them his her their my me mine who what when where why how which whose while if but and or
  so yet also then now today tomorrow yesterday thanks thank please yes no okay ok well oh
  ${[...ENGLISH_CALENDAR_WORDS].join(" ")}
  english french german russian ukrainian spanish chinese arabic italian polish turkish japanese latin
  european american african asian western eastern northern southern soviet nazi transatlantic
  christian christians muslim muslims jewish catholic orthodox islam god allah
  q a mr mrs ms dr
  covid coronavirus
  end
`);

/** Cyrillic titles before a person's name (stems: "министра", "президентом" meet "министр", "президент"). */
export const CYRILLIC_TITLE_STEMS = [
  "министр",
  "президент",
  "вице-президент",
  "премьер",
  "премьер-министр",
  "прем'єр",
  "прем’єр",
  "посол",
  "посл",
  "госсекретар",
  "держсекретар",
  "секретар",
  "сенатор",
  "конгрессмен",
  "генсек",
  "генсекретар",
  "генерал",
  "адмирал",
  "адмірал",
  "полковник",
  "депутат",
  "председател",
  "голов",
  "глав",
  "канцлер",
  "советник",
  "радник",
  "пресс-секретар",
  "прес-секретар",
  "губернатор",
  "мэр",
  "мер",
  "король",
  "корол",
  "королев",
  "принц",
  "патриарх",
  "патріарх",
  "директор",
  "спикер",
  "спікер",
  "господин",
  "госпож",
  "пан",
  "пані",
  "г-н",
  "г-жа",
  "коллег",
  "колег",
  "супруг",
  "дочер",
  "доч",
  "сын",
  "син",
  "жен",
  "дружин",
  "журналист",
  "журналіст",
  "профессор",
  "професор",
  "судья",
  "судд",
  "лидер",
  "лідер",
  "командующ",
  "командувач",
  "главнокомандующ",
  "помощник",
  "помічник",
  "замминистр",
  "заступник",
  "заместител",
];

/** Cyrillic words (stems) an organisation's name starts with or is built on. */
export const CYRILLIC_ORGANISATION_STEMS = [
  "министерств",
  "міністерств",
  "минобороны",
  "мид",
  "совет",
  "рад",
  "комитет",
  "комітет",
  "комисси",
  "коміс",
  "дум",
  "палат",
  "конгресс",
  "конгрес",
  "сенат",
  "парламент",
  "институт",
  "інститут",
  "университет",
  "університет",
  "академи",
  "академі",
  "фонд",
  "агентств",
  "агенці",
  "служб",
  "управлени",
  "управлінн",
  "департамент",
  "парти",
  "парті",
  "ассоциаци",
  "асоціаці",
  "корпораци",
  "корпораці",
  "компани",
  "компані",
  "концерн",
  "банк",
  "центр",
  "организаци",
  "організаці",
  "союз",
  "спілк",
  "федераци",
  "администраци",
  "адміністраці",
  "кабинет",
  "кабінет",
  "правительств",
  "уряд",
  "суд",
  "прокуратур",
  "войск",
  "військ",
  "сил",
  "флот",
  "газет",
  "журнал",
  "телекана",
  "издани",
  "видання",
  "агентств",
  "движени",
  "рух",
  "объединени",
  "об'єднанн",
  "об’єднанн",
  "альянс",
  "блок",
  "холдинг",
  "групп",
  "груп",
  "штаб",
  "бюро",
  "фирм",
  "завод",
  "предприяти",
  "підприємств",
  "верф",
  "издательств",
  "видавництв",
  "радиостанци",
  "школ",
  "колледж",
  "лаборатори",
  "клиник",
  "больниц",
  "лікарн",
  "секретариат",
  "секретаріат",
  "миссия",
  "місі",
  "посольств",
  "консульств",
  "трибунал",
  "собрани",
  "верховн",
  "церкв",
  "церков",
];

/** Cyrillic words (stems) that make a name a place: "Харьковской области", "штат Огайо". */
export const CYRILLIC_PLACE_STEMS = [
  "област",
  "обл",
  "край",
  "кра",
  "район",
  "округ",
  "штат",
  "шт",
  "провинци",
  "провінці",
  "регион",
  "регіон",
  "город",
  "міст",
  "г",
  "м",
  "сел",
  "посел",
  "селищ",
  "рек",
  "річк",
  "мор",
  "остров",
  "острів",
  "полуостров",
  "півостр",
  "залив",
  "затока",
  "пролив",
  "протока",
  "улиц",
  "вулиц",
  "площад",
  "площ",
];

/** Prepositions before a place: "в Харькове", "у Києві", "из Вашингтона", "під Бахмутом". */
export const CYRILLIC_PLACE_CUES: Record<string, Set<string>> = {
  ru: set("в во из под близ возле около вблизи до через"),
  // Not "з": "з Президентом" is "with", as often as "з Києва" is "from".
  uk: set("в у під біля поблизу до через"),
};

/** Capitalised Cyrillic words that are not names on their own: calendar words, pronouns, openers. */
export const CYRILLIC_NOT_NAMES = set(`
  я мы вы он она они оно это этот эта эти тот та те там тут здесь как так но и а или если когда
  где что кто чем уже ещё еще также кроме при для по на в во с со к ко от до из за об о у
  спасибо слава дякую так ні нет да
  январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
  січень лютий березень квітень травень червень липень серпень вересень жовтень листопад грудень
  понедельник вторник среда четверг пятница суббота воскресенье
  понеділок вівторок середа четвер пʼятниця п'ятниця субота неділя
  бог господь
  закон положение указ постановление распоряжение устав кодекс регламент
  мы ми ви ти ты вони воно це цей ця ці той та ті там тут як але і й або якщо коли де що хто
  україно українці росіяни
`);

/** Parts of the world, written capitalised: places no country list holds ("Latin America", "the Caribbean"). */
export const ENGLISH_WORLD_REGIONS = new Set([
  "europe",
  "asia",
  "africa",
  "america",
  "americas",
  "oceania",
  "antarctica",
  "arctic",
  "antarctic",
  "caribbean",
  "balkans",
  "scandinavia",
  "caucasus",
  "eurasia",
  "sahel",
  "maghreb",
  "levant",
  "mediterranean",
  "pacific",
  "atlantic",
  "indo-pacific",
  "latin america",
  "north america",
  "south america",
  "central america",
  "central asia",
  "middle east",
  "near east",
  "far east",
  "eastern europe",
  "western europe",
  "central europe",
  "southern europe",
  "northern europe",
  "southeast asia",
  "south asia",
  "east asia",
  "west africa",
  "east africa",
  "north africa",
  "southern africa",
  "horn of africa",
  "sub-saharan africa",
  "black sea",
  "baltic sea",
  "baltic",
  "baltics",
  "red sea",
  "south china sea",
  "indian ocean",
  "persian gulf",
  "arctic ocean",
  "pacific ocean",
  "atlantic ocean",
  "western balkans",
  "south caucasus",
  "north caucasus",
]);

/** The same in Russian and Ukrainian, as stems: "Европы", "Європі", "Латинской Америке", "Приазов'я". */
export const CYRILLIC_WORLD_REGION_STEMS = [
  "европ",
  "європ",
  "ази",
  "азі",
  "африк",
  "америк",
  "балкан",
  "кавказ",
  "закавказ",
  "арктик",
  "антарктик",
  "евраз",
  "євраз",
  "приазов",
  "причорномор",
  "причерномор",
  "закарпат",
  "прибалтик",
  "балтик",
  "скандинав",
  "сибир",
  "сибір",
  "урал",
  "средиземномор",
  "середземномор",
  "океани",
];
