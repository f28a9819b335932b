import * as antlr from "antlr4ng";
export class CypherCmdLexer extends antlr.Lexer {
    static PARAM = 1;
    static CLEAR = 2;
    static HISTORY = 3;
    static CONNECT = 4;
    static DISCONNECT = 5;
    static WELCOME = 6;
    static SYSINFO = 7;
    static STYLE = 8;
    static RESET = 9;
    static PLAY = 10;
    static ACCESSMODE = 11;
    static HELP = 12;
    static RCURLY = 13;
    static EXPLAIN = 14;
    static PROFILE = 15;
    static CYPHER = 16;
    static SPACE = 17;
    static SINGLE_LINE_COMMENT = 18;
    static MULTI_LINE_COMMENT = 19;
    static DECIMAL_DOUBLE = 20;
    static UNSIGNED_DECIMAL_INTEGER = 21;
    static UNSIGNED_HEX_INTEGER = 22;
    static UNSIGNED_OCTAL_INTEGER = 23;
    static STRING_LITERAL1 = 24;
    static STRING_LITERAL2 = 25;
    static ESCAPED_SYMBOLIC_NAME = 26;
    static ACCESS = 27;
    static ACTIVE = 28;
    static ACYCLIC = 29;
    static ADD = 30;
    static ADMIN = 31;
    static ADMINISTRATOR = 32;
    static ALIAS = 33;
    static ALIASES = 34;
    static ALL_SHORTEST_PATHS = 35;
    static ALL = 36;
    static ALLREDUCE = 37;
    static ALTER = 38;
    static ANALYZER = 39;
    static AND = 40;
    static ANY = 41;
    static ARRAY = 42;
    static AS = 43;
    static ASC = 44;
    static ASCENDING = 45;
    static ASSIGN = 46;
    static AT = 47;
    static AUTH = 48;
    static AUTO = 49;
    static BAR = 50;
    static BINDINGS = 51;
    static BOOL = 52;
    static BOOLEAN = 53;
    static BOOSTED = 54;
    static BOTH = 55;
    static BREAK = 56;
    static BUILT = 57;
    static BY = 58;
    static CALL = 59;
    static CASCADE = 60;
    static CASE = 61;
    static CHANGE = 62;
    static CIDR = 63;
    static COLLECT = 64;
    static COLON = 65;
    static COLONCOLON = 66;
    static COMMA = 67;
    static COMMAND = 68;
    static COMMANDS = 69;
    static COMPOSITE = 70;
    static CONCURRENT = 71;
    static CONSTRAINT = 72;
    static CONSTRAINTS = 73;
    static CONTAINS = 74;
    static COPY = 75;
    static CONDITION = 76;
    static CONTINUE = 77;
    static COSINE = 78;
    static COUNT = 79;
    static CREATE = 80;
    static CREDENTIAL = 81;
    static CREDENTIALS = 82;
    static CSV = 83;
    static CURRENT = 84;
    static DATA = 85;
    static DATABASE = 86;
    static DATABASES = 87;
    static DATE = 88;
    static DATETIME = 89;
    static DBMS = 90;
    static DEALLOCATE = 91;
    static DEFAULT = 92;
    static DEFINE = 93;
    static DEFINED = 94;
    static DELETE = 95;
    static DENY = 96;
    static DESC = 97;
    static DESCENDING = 98;
    static DESTROY = 99;
    static DETACH = 100;
    static DIFFERENT = 101;
    static DOLLAR = 102;
    static DISJOINT = 103;
    static DISTINCT = 104;
    static DIVIDE = 105;
    static DOT = 106;
    static DOT_METRIC = 107;
    static DOTDOT = 108;
    static DOUBLEBAR = 109;
    static DRIVER = 110;
    static DROP = 111;
    static DRYRUN = 112;
    static DUMP = 113;
    static DURATION = 114;
    static EACH = 115;
    static EDGE = 116;
    static ENABLE = 117;
    static ELEMENT = 118;
    static ELEMENTS = 119;
    static ELSE = 120;
    static ENABLED = 121;
    static ENCRYPTED = 122;
    static EUCLIDEAN = 123;
    static EUCLIDEAN_SQUARED = 124;
    static END = 125;
    static ENDS = 126;
    static EQ = 127;
    static EXECUTABLE = 128;
    static EXECUTE = 129;
    static EXIST = 130;
    static EXISTENCE = 131;
    static EXISTS = 132;
    static EXPAND = 133;
    static ERROR = 134;
    static FAIL = 135;
    static FALSE = 136;
    static FIELDTERMINATOR = 137;
    static FILTER = 138;
    static FINISH = 139;
    static FLOAT = 140;
    static FLOAT64 = 141;
    static FLOAT32 = 142;
    static FOR = 143;
    static FOREACH = 144;
    static FORWARDING = 145;
    static FROM = 146;
    static FULLTEXT = 147;
    static FUNCTION = 148;
    static FUNCTIONS = 149;
    static GE = 150;
    static GRANT = 151;
    static GRAPH = 152;
    static GRAPHS = 153;
    static GROUP = 154;
    static GROUPS = 155;
    static GT = 156;
    static HAMMING = 157;
    static HEADERS = 158;
    static HOME = 159;
    static ID = 160;
    static IF = 161;
    static IMPERSONATE = 162;
    static IMMUTABLE = 163;
    static IN = 164;
    static INDEX = 165;
    static INDEXES = 166;
    static INF = 167;
    static INFINITY = 168;
    static INSERT = 169;
    static INTO = 170;
    static INT = 171;
    static INT64 = 172;
    static INT32 = 173;
    static INT16 = 174;
    static INT8 = 175;
    static INTEGER = 176;
    static INTEGER64 = 177;
    static INTEGER32 = 178;
    static INTEGER16 = 179;
    static INTEGER8 = 180;
    static IS = 181;
    static JOIN = 182;
    static KEY = 183;
    static LABEL = 184;
    static LABELED = 185;
    static LABELS = 186;
    static AMPERSAND = 187;
    static EXCLAMATION_MARK = 188;
    static LANGUAGE = 189;
    static LBRACKET = 190;
    static LCURLY = 191;
    static LE = 192;
    static LEADING = 193;
    static LET = 194;
    static LIMITROWS = 195;
    static LIST = 196;
    static LOAD = 197;
    static LOCAL = 198;
    static LOOKUP = 199;
    static LPAREN = 200;
    static LT = 201;
    static MANAGEMENT = 202;
    static MANHATTAN = 203;
    static MAP = 204;
    static MATCH = 205;
    static MERGE = 206;
    static METADATA = 207;
    static MINUS = 208;
    static PERCENT = 209;
    static IMPLIES = 210;
    static INVALID_NEQ = 211;
    static NEQ = 212;
    static NAME = 213;
    static NAMES = 214;
    static NAN = 215;
    static NFC = 216;
    static NFD = 217;
    static NFKC = 218;
    static NFKD = 219;
    static NEW = 220;
    static NEXT = 221;
    static NODE = 222;
    static NODETACH = 223;
    static NODES = 224;
    static NONE = 225;
    static NORMALIZE = 226;
    static NORMALIZED = 227;
    static NOT = 228;
    static NOTHING = 229;
    static NOWAIT = 230;
    static NULL = 231;
    static OBFUSCATION = 232;
    static OF = 233;
    static OFFSET = 234;
    static OIDC = 235;
    static ON = 236;
    static ONLY = 237;
    static OPTIONAL = 238;
    static OPTIONS = 239;
    static OPTION = 240;
    static OR = 241;
    static ORDER = 242;
    static PASSWORD = 243;
    static PASSWORDS = 244;
    static PATH = 245;
    static PATHS = 246;
    static PLAINTEXT = 247;
    static PLUS = 248;
    static PLUSEQUAL = 249;
    static POINT = 250;
    static POPULATED = 251;
    static POW = 252;
    static PRIMARY = 253;
    static PRIMARIES = 254;
    static PRIVILEGE = 255;
    static PRIVILEGES = 256;
    static PROCEDURE = 257;
    static PROCEDURES = 258;
    static PROPERTIES = 259;
    static PROPERTY_EXISTS = 260;
    static PROPERTY = 261;
    static PROVIDER = 262;
    static PROVIDERS = 263;
    static QUESTION = 264;
    static RANGE = 265;
    static RBRACKET = 266;
    static READ = 267;
    static REALLOCATE = 268;
    static REDUCE = 269;
    static RENAME = 270;
    static REGEQ = 271;
    static REL = 272;
    static RELATIONSHIP = 273;
    static RELATIONSHIPS = 274;
    static REMOVE = 275;
    static REPEATABLE = 276;
    static REPLACE = 277;
    static REPLICA = 278;
    static REPLICAS = 279;
    static REPORT = 280;
    static REQUIRE = 281;
    static REQUIRED = 282;
    static RESTRICT = 283;
    static RETRY = 284;
    static RETURN = 285;
    static REVOKE = 286;
    static ROLE = 287;
    static ROLES = 288;
    static ROW = 289;
    static ROWS = 290;
    static RULE = 291;
    static RULES = 292;
    static RPAREN = 293;
    static SCAN = 294;
    static SCORE = 295;
    static SEARCH = 296;
    static SEC = 297;
    static SECOND = 298;
    static SECONDARY = 299;
    static SECONDARIES = 300;
    static SECONDS = 301;
    static SECRET = 302;
    static SECRETS = 303;
    static SEEK = 304;
    static SEMICOLON = 305;
    static SERVER = 306;
    static SERVERS = 307;
    static SET = 308;
    static SETTING = 309;
    static SETTINGS = 310;
    static SHARD = 311;
    static SHARDS = 312;
    static SHORTEST_PATH = 313;
    static SHORTEST = 314;
    static SHOW = 315;
    static SIGNED = 316;
    static SINGLE = 317;
    static SKIPROWS = 318;
    static START = 319;
    static STARTS = 320;
    static STATUS = 321;
    static STOP = 322;
    static STRING = 323;
    static SUPPORTED = 324;
    static SUSPENDED = 325;
    static TAG = 326;
    static TAGS = 327;
    static TARGET = 328;
    static TERMINATE = 329;
    static TEXT = 330;
    static THEN = 331;
    static TIME = 332;
    static TIMES = 333;
    static TIMESTAMP = 334;
    static TIMEZONE = 335;
    static TO = 336;
    static TOPOLOGY = 337;
    static TRAIL = 338;
    static TRAILING = 339;
    static TRANSACTION = 340;
    static TRANSACTIONS = 341;
    static TRAVERSE = 342;
    static TRIM = 343;
    static TRUE = 344;
    static TYPE = 345;
    static TYPED = 346;
    static TYPES = 347;
    static UUID = 348;
    static UNION = 349;
    static UNIQUE = 350;
    static UNIQUENESS = 351;
    static UNWIND = 352;
    static URL = 353;
    static USE = 354;
    static USER = 355;
    static USERS = 356;
    static USING = 357;
    static VALUE = 358;
    static VARCHAR = 359;
    static VIA = 360;
    static VECTOR = 361;
    static VECTOR_DISTANCE = 362;
    static VECTOR_NORM = 363;
    static VERTEX = 364;
    static WAIT = 365;
    static WALK = 366;
    static WHEN = 367;
    static WHERE = 368;
    static WITH = 369;
    static WITHOUT = 370;
    static WRITE = 371;
    static XOR = 372;
    static YIELD = 373;
    static ZONE = 374;
    static ZONED = 375;
    static IDENTIFIER = 376;
    static EXTENDED_IDENTIFIER = 377;
    static INTERPOLATED_START_SINGLE = 378;
    static INTERPOLATED_START_DOUBLE = 379;
    static ARROW_LINE = 380;
    static ARROW_LEFT_HEAD = 381;
    static ARROW_RIGHT_HEAD = 382;
    static ErrorChar = 383;
    static INTERPOLATED_EXPR_START_SINGLE = 384;
    static INTERPOLATED_END_SINGLE = 385;
    static INTERPOLATED_TEXT_SINGLE = 386;
    static INTERPOLATED_UNEXPECTED_RCURLY_SINGLE = 387;
    static INTERPOLATED_EXPR_START_DOUBLE = 388;
    static INTERPOLATED_END_DOUBLE = 389;
    static INTERPOLATED_TEXT_DOUBLE = 390;
    static INTERPOLATED_UNEXPECTED_RCURLY_DOUBLE = 391;
    static TEXT_SINGLE = 1;
    static TEXT_DOUBLE = 2;
    static channelNames = [
        "DEFAULT_TOKEN_CHANNEL", "HIDDEN"
    ];
    static literalNames = [
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, "'}'", null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, "'|'", null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, "':'",
        "'::'", "','", null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, "'$'", null, null, "'/'", "'.'", null, "'..'",
        "'||'", null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, "'='", null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, "'>='", null, null,
        null, null, null, "'>'", null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, "'&'", "'!'", null, "'['", "'{'", "'<='", null, null, null,
        null, null, null, null, "'('", "'<'", null, null, null, null, null,
        null, "'-'", "'%'", null, "'!='", "'<>'", null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, "'******'", null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, "'+'",
        "'+='", null, null, "'^'", null, null, null, null, null, null, null,
        null, null, null, null, "'?'", null, "']'", null, null, null, null,
        "'=~'", null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        "')'", null, null, null, null, null, null, null, null, null, null,
        null, "';'", null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, "'*'", null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, "'''", null, null, null, "'\"'"
    ];
    static symbolicNames = [
        null, "PARAM", "CLEAR", "HISTORY", "CONNECT", "DISCONNECT", "WELCOME",
        "SYSINFO", "STYLE", "RESET", "PLAY", "ACCESSMODE", "HELP", "RCURLY",
        "EXPLAIN", "PROFILE", "CYPHER", "SPACE", "SINGLE_LINE_COMMENT",
        "MULTI_LINE_COMMENT", "DECIMAL_DOUBLE", "UNSIGNED_DECIMAL_INTEGER",
        "UNSIGNED_HEX_INTEGER", "UNSIGNED_OCTAL_INTEGER", "STRING_LITERAL1",
        "STRING_LITERAL2", "ESCAPED_SYMBOLIC_NAME", "ACCESS", "ACTIVE",
        "ACYCLIC", "ADD", "ADMIN", "ADMINISTRATOR", "ALIAS", "ALIASES",
        "ALL_SHORTEST_PATHS", "ALL", "ALLREDUCE", "ALTER", "ANALYZER", "AND",
        "ANY", "ARRAY", "AS", "ASC", "ASCENDING", "ASSIGN", "AT", "AUTH",
        "AUTO", "BAR", "BINDINGS", "BOOL", "BOOLEAN", "BOOSTED", "BOTH",
        "BREAK", "BUILT", "BY", "CALL", "CASCADE", "CASE", "CHANGE", "CIDR",
        "COLLECT", "COLON", "COLONCOLON", "COMMA", "COMMAND", "COMMANDS",
        "COMPOSITE", "CONCURRENT", "CONSTRAINT", "CONSTRAINTS", "CONTAINS",
        "COPY", "CONDITION", "CONTINUE", "COSINE", "COUNT", "CREATE", "CREDENTIAL",
        "CREDENTIALS", "CSV", "CURRENT", "DATA", "DATABASE", "DATABASES",
        "DATE", "DATETIME", "DBMS", "DEALLOCATE", "DEFAULT", "DEFINE", "DEFINED",
        "DELETE", "DENY", "DESC", "DESCENDING", "DESTROY", "DETACH", "DIFFERENT",
        "DOLLAR", "DISJOINT", "DISTINCT", "DIVIDE", "DOT", "DOT_METRIC",
        "DOTDOT", "DOUBLEBAR", "DRIVER", "DROP", "DRYRUN", "DUMP", "DURATION",
        "EACH", "EDGE", "ENABLE", "ELEMENT", "ELEMENTS", "ELSE", "ENABLED",
        "ENCRYPTED", "EUCLIDEAN", "EUCLIDEAN_SQUARED", "END", "ENDS", "EQ",
        "EXECUTABLE", "EXECUTE", "EXIST", "EXISTENCE", "EXISTS", "EXPAND",
        "ERROR", "FAIL", "FALSE", "FIELDTERMINATOR", "FILTER", "FINISH",
        "FLOAT", "FLOAT64", "FLOAT32", "FOR", "FOREACH", "FORWARDING", "FROM",
        "FULLTEXT", "FUNCTION", "FUNCTIONS", "GE", "GRANT", "GRAPH", "GRAPHS",
        "GROUP", "GROUPS", "GT", "HAMMING", "HEADERS", "HOME", "ID", "IF",
        "IMPERSONATE", "IMMUTABLE", "IN", "INDEX", "INDEXES", "INF", "INFINITY",
        "INSERT", "INTO", "INT", "INT64", "INT32", "INT16", "INT8", "INTEGER",
        "INTEGER64", "INTEGER32", "INTEGER16", "INTEGER8", "IS", "JOIN",
        "KEY", "LABEL", "LABELED", "LABELS", "AMPERSAND", "EXCLAMATION_MARK",
        "LANGUAGE", "LBRACKET", "LCURLY", "LE", "LEADING", "LET", "LIMITROWS",
        "LIST", "LOAD", "LOCAL", "LOOKUP", "LPAREN", "LT", "MANAGEMENT",
        "MANHATTAN", "MAP", "MATCH", "MERGE", "METADATA", "MINUS", "PERCENT",
        "IMPLIES", "INVALID_NEQ", "NEQ", "NAME", "NAMES", "NAN", "NFC",
        "NFD", "NFKC", "NFKD", "NEW", "NEXT", "NODE", "NODETACH", "NODES",
        "NONE", "NORMALIZE", "NORMALIZED", "NOT", "NOTHING", "NOWAIT", "NULL",
        "OBFUSCATION", "OF", "OFFSET", "OIDC", "ON", "ONLY", "OPTIONAL",
        "OPTIONS", "OPTION", "OR", "ORDER", "PASSWORD", "PASSWORDS", "PATH",
        "PATHS", "PLAINTEXT", "PLUS", "PLUSEQUAL", "POINT", "POPULATED",
        "POW", "PRIMARY", "PRIMARIES", "PRIVILEGE", "PRIVILEGES", "PROCEDURE",
        "PROCEDURES", "PROPERTIES", "PROPERTY_EXISTS", "PROPERTY", "PROVIDER",
        "PROVIDERS", "QUESTION", "RANGE", "RBRACKET", "READ", "REALLOCATE",
        "REDUCE", "RENAME", "REGEQ", "REL", "RELATIONSHIP", "RELATIONSHIPS",
        "REMOVE", "REPEATABLE", "REPLACE", "REPLICA", "REPLICAS", "REPORT",
        "REQUIRE", "REQUIRED", "RESTRICT", "RETRY", "RETURN", "REVOKE",
        "ROLE", "ROLES", "ROW", "ROWS", "RULE", "RULES", "RPAREN", "SCAN",
        "SCORE", "SEARCH", "SEC", "SECOND", "SECONDARY", "SECONDARIES",
        "SECONDS", "SECRET", "SECRETS", "SEEK", "SEMICOLON", "SERVER", "SERVERS",
        "SET", "SETTING", "SETTINGS", "SHARD", "SHARDS", "SHORTEST_PATH",
        "SHORTEST", "SHOW", "SIGNED", "SINGLE", "SKIPROWS", "START", "STARTS",
        "STATUS", "STOP", "STRING", "SUPPORTED", "SUSPENDED", "TAG", "TAGS",
        "TARGET", "TERMINATE", "TEXT", "THEN", "TIME", "TIMES", "TIMESTAMP",
        "TIMEZONE", "TO", "TOPOLOGY", "TRAIL", "TRAILING", "TRANSACTION",
        "TRANSACTIONS", "TRAVERSE", "TRIM", "TRUE", "TYPE", "TYPED", "TYPES",
        "UUID", "UNION", "UNIQUE", "UNIQUENESS", "UNWIND", "URL", "USE",
        "USER", "USERS", "USING", "VALUE", "VARCHAR", "VIA", "VECTOR", "VECTOR_DISTANCE",
        "VECTOR_NORM", "VERTEX", "WAIT", "WALK", "WHEN", "WHERE", "WITH",
        "WITHOUT", "WRITE", "XOR", "YIELD", "ZONE", "ZONED", "IDENTIFIER",
        "EXTENDED_IDENTIFIER", "INTERPOLATED_START_SINGLE", "INTERPOLATED_START_DOUBLE",
        "ARROW_LINE", "ARROW_LEFT_HEAD", "ARROW_RIGHT_HEAD", "ErrorChar",
        "INTERPOLATED_EXPR_START_SINGLE", "INTERPOLATED_END_SINGLE", "INTERPOLATED_TEXT_SINGLE",
        "INTERPOLATED_UNEXPECTED_RCURLY_SINGLE", "INTERPOLATED_EXPR_START_DOUBLE",
        "INTERPOLATED_END_DOUBLE", "INTERPOLATED_TEXT_DOUBLE", "INTERPOLATED_UNEXPECTED_RCURLY_DOUBLE"
    ];
    static modeNames = [
        "DEFAULT_MODE", "TEXT_SINGLE", "TEXT_DOUBLE",
    ];
    static ruleNames = [
        "PARAM", "CLEAR", "HISTORY", "CONNECT", "DISCONNECT", "WELCOME",
        "SYSINFO", "STYLE", "RESET", "PLAY", "ACCESSMODE", "HELP", "RCURLY",
        "EXPLAIN", "PROFILE", "CYPHER", "SPACE", "SINGLE_LINE_COMMENT",
        "MULTI_LINE_COMMENT", "DECIMAL_DOUBLE", "UNSIGNED_DECIMAL_INTEGER",
        "DECIMAL_EXPONENT", "INTEGER_PART", "UNSIGNED_HEX_INTEGER", "UNSIGNED_OCTAL_INTEGER",
        "STRING_LITERAL1", "STRING_LITERAL2", "EscapeSequence", "ESCAPED_SYMBOLIC_NAME",
        "ACCESS", "ACTIVE", "ACYCLIC", "ADD", "ADMIN", "ADMINISTRATOR",
        "ALIAS", "ALIASES", "ALL_SHORTEST_PATHS", "ALL", "ALLREDUCE", "ALTER",
        "ANALYZER", "AND", "ANY", "ARRAY", "AS", "ASC", "ASCENDING", "ASSIGN",
        "AT", "AUTH", "AUTO", "BAR", "BINDINGS", "BOOL", "BOOLEAN", "BOOSTED",
        "BOTH", "BREAK", "BUILT", "BY", "CALL", "CASCADE", "CASE", "CHANGE",
        "CIDR", "COLLECT", "COLON", "COLONCOLON", "COMMA", "COMMAND", "COMMANDS",
        "COMPOSITE", "CONCURRENT", "CONSTRAINT", "CONSTRAINTS", "CONTAINS",
        "COPY", "CONDITION", "CONTINUE", "COSINE", "COUNT", "CREATE", "CREDENTIAL",
        "CREDENTIALS", "CSV", "CURRENT", "DATA", "DATABASE", "DATABASES",
        "DATE", "DATETIME", "DBMS", "DEALLOCATE", "DEFAULT", "DEFINE", "DEFINED",
        "DELETE", "DENY", "DESC", "DESCENDING", "DESTROY", "DETACH", "DIFFERENT",
        "DOLLAR", "DISJOINT", "DISTINCT", "DIVIDE", "DOT", "DOT_METRIC",
        "DOTDOT", "DOUBLEBAR", "DRIVER", "DROP", "DRYRUN", "DUMP", "DURATION",
        "EACH", "EDGE", "ENABLE", "ELEMENT", "ELEMENTS", "ELSE", "ENABLED",
        "ENCRYPTED", "EUCLIDEAN", "EUCLIDEAN_SQUARED", "END", "ENDS", "EQ",
        "EXECUTABLE", "EXECUTE", "EXIST", "EXISTENCE", "EXISTS", "EXPAND",
        "ERROR", "FAIL", "FALSE", "FIELDTERMINATOR", "FILTER", "FINISH",
        "FLOAT", "FLOAT64", "FLOAT32", "FOR", "FOREACH", "FORWARDING", "FROM",
        "FULLTEXT", "FUNCTION", "FUNCTIONS", "GE", "GRANT", "GRAPH", "GRAPHS",
        "GROUP", "GROUPS", "GT", "HAMMING", "HEADERS", "HOME", "ID", "IF",
        "IMPERSONATE", "IMMUTABLE", "IN", "INDEX", "INDEXES", "INF", "INFINITY",
        "INSERT", "INTO", "INT", "INT64", "INT32", "INT16", "INT8", "INTEGER",
        "INTEGER64", "INTEGER32", "INTEGER16", "INTEGER8", "IS", "JOIN",
        "KEY", "LABEL", "LABELED", "LABELS", "AMPERSAND", "EXCLAMATION_MARK",
        "LANGUAGE", "LBRACKET", "LCURLY", "LE", "LEADING", "LET", "LIMITROWS",
        "LIST", "LOAD", "LOCAL", "LOOKUP", "LPAREN", "LT", "MANAGEMENT",
        "MANHATTAN", "MAP", "MATCH", "MERGE", "METADATA", "MINUS", "PERCENT",
        "IMPLIES", "INVALID_NEQ", "NEQ", "NAME", "NAMES", "NAN", "NFC",
        "NFD", "NFKC", "NFKD", "NEW", "NEXT", "NODE", "NODETACH", "NODES",
        "NONE", "NORMALIZE", "NORMALIZED", "NOT", "NOTHING", "NOWAIT", "NULL",
        "OBFUSCATION", "OF", "OFFSET", "OIDC", "ON", "ONLY", "OPTIONAL",
        "OPTIONS", "OPTION", "OR", "ORDER", "PASSWORD", "PASSWORDS", "PATH",
        "PATHS", "PLAINTEXT", "PLUS", "PLUSEQUAL", "POINT", "POPULATED",
        "POW", "PRIMARY", "PRIMARIES", "PRIVILEGE", "PRIVILEGES", "PROCEDURE",
        "PROCEDURES", "PROPERTIES", "PROPERTY_EXISTS", "PROPERTY", "PROVIDER",
        "PROVIDERS", "QUESTION", "RANGE", "RBRACKET", "READ", "REALLOCATE",
        "REDUCE", "RENAME", "REGEQ", "REL", "RELATIONSHIP", "RELATIONSHIPS",
        "REMOVE", "REPEATABLE", "REPLACE", "REPLICA", "REPLICAS", "REPORT",
        "REQUIRE", "REQUIRED", "RESTRICT", "RETRY", "RETURN", "REVOKE",
        "ROLE", "ROLES", "ROW", "ROWS", "RULE", "RULES", "RPAREN", "SCAN",
        "SCORE", "SEARCH", "SEC", "SECOND", "SECONDARY", "SECONDARIES",
        "SECONDS", "SECRET", "SECRETS", "SEEK", "SEMICOLON", "SERVER", "SERVERS",
        "SET", "SETTING", "SETTINGS", "SHARD", "SHARDS", "SHORTEST_PATH",
        "SHORTEST", "SHOW", "SIGNED", "SINGLE", "SKIPROWS", "START", "STARTS",
        "STATUS", "STOP", "STRING", "SUPPORTED", "SUSPENDED", "TAG", "TAGS",
        "TARGET", "TERMINATE", "TEXT", "THEN", "TIME", "TIMES", "TIMESTAMP",
        "TIMEZONE", "TO", "TOPOLOGY", "TRAIL", "TRAILING", "TRANSACTION",
        "TRANSACTIONS", "TRAVERSE", "TRIM", "TRUE", "TYPE", "TYPED", "TYPES",
        "UUID", "UNION", "UNIQUE", "UNIQUENESS", "UNWIND", "URL", "USE",
        "USER", "USERS", "USING", "VALUE", "VARCHAR", "VIA", "VECTOR", "VECTOR_DISTANCE",
        "VECTOR_NORM", "VERTEX", "WAIT", "WALK", "WHEN", "WHERE", "WITH",
        "WITHOUT", "WRITE", "XOR", "YIELD", "ZONE", "ZONED", "IDENTIFIER",
        "EXTENDED_IDENTIFIER", "INTERPOLATED_START_SINGLE", "INTERPOLATED_START_DOUBLE",
        "ARROW_LINE", "ARROW_LEFT_HEAD", "ARROW_RIGHT_HEAD", "LETTER", "PART_LETTER",
        "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
        "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z",
        "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT",
        "NINE", "UNDERSCORE", "ErrorChar", "INTERPOLATED_EXPR_START_SINGLE",
        "INTERPOLATED_END_SINGLE", "INTERPOLATED_TEXT_SINGLE", "INTERPOLATED_UNEXPECTED_RCURLY_SINGLE",
        "INTERPOLATED_EXPR_START_DOUBLE", "INTERPOLATED_END_DOUBLE", "INTERPOLATED_TEXT_DOUBLE",
        "INTERPOLATED_UNEXPECTED_RCURLY_DOUBLE",
    ];
    constructor(input) {
        super(input);
        this.interpreter = new antlr.LexerATNSimulator(this, CypherCmdLexer._ATN, CypherCmdLexer.decisionsToDFA, new antlr.PredictionContextCache());
    }
    get grammarFileName() { return "CypherCmdLexer.g4"; }
    get literalNames() { return CypherCmdLexer.literalNames; }
    get symbolicNames() { return CypherCmdLexer.symbolicNames; }
    get ruleNames() { return CypherCmdLexer.ruleNames; }
    get serializedATN() { return CypherCmdLexer._serializedATN; }
    get channelNames() { return CypherCmdLexer.channelNames; }
    get modeNames() { return CypherCmdLexer.modeNames; }
    action(localContext, ruleIndex, actionIndex) {
        switch (ruleIndex) {
            case 12:
                this.RCURLY_action(localContext, actionIndex);
                break;
        }
    }
    RCURLY_action(localContext, actionIndex) {
        switch (actionIndex) {
            case 0:
                if (this.modeStack.length > 0)
                    this.popMode();
                break;
        }
    }
    static _serializedATN = [
        4, 0, 391, 3645, 6, -1, 6, -1, 6, -1, 2, 0, 7, 0, 2, 1, 7, 1, 2, 2, 7, 2, 2, 3, 7, 3, 2, 4,
        7, 4, 2, 5, 7, 5, 2, 6, 7, 6, 2, 7, 7, 7, 2, 8, 7, 8, 2, 9, 7, 9, 2, 10, 7, 10, 2, 11, 7, 11,
        2, 12, 7, 12, 2, 13, 7, 13, 2, 14, 7, 14, 2, 15, 7, 15, 2, 16, 7, 16, 2, 17, 7, 17, 2, 18,
        7, 18, 2, 19, 7, 19, 2, 20, 7, 20, 2, 21, 7, 21, 2, 22, 7, 22, 2, 23, 7, 23, 2, 24, 7, 24,
        2, 25, 7, 25, 2, 26, 7, 26, 2, 27, 7, 27, 2, 28, 7, 28, 2, 29, 7, 29, 2, 30, 7, 30, 2, 31,
        7, 31, 2, 32, 7, 32, 2, 33, 7, 33, 2, 34, 7, 34, 2, 35, 7, 35, 2, 36, 7, 36, 2, 37, 7, 37,
        2, 38, 7, 38, 2, 39, 7, 39, 2, 40, 7, 40, 2, 41, 7, 41, 2, 42, 7, 42, 2, 43, 7, 43, 2, 44,
        7, 44, 2, 45, 7, 45, 2, 46, 7, 46, 2, 47, 7, 47, 2, 48, 7, 48, 2, 49, 7, 49, 2, 50, 7, 50,
        2, 51, 7, 51, 2, 52, 7, 52, 2, 53, 7, 53, 2, 54, 7, 54, 2, 55, 7, 55, 2, 56, 7, 56, 2, 57,
        7, 57, 2, 58, 7, 58, 2, 59, 7, 59, 2, 60, 7, 60, 2, 61, 7, 61, 2, 62, 7, 62, 2, 63, 7, 63,
        2, 64, 7, 64, 2, 65, 7, 65, 2, 66, 7, 66, 2, 67, 7, 67, 2, 68, 7, 68, 2, 69, 7, 69, 2, 70,
        7, 70, 2, 71, 7, 71, 2, 72, 7, 72, 2, 73, 7, 73, 2, 74, 7, 74, 2, 75, 7, 75, 2, 76, 7, 76,
        2, 77, 7, 77, 2, 78, 7, 78, 2, 79, 7, 79, 2, 80, 7, 80, 2, 81, 7, 81, 2, 82, 7, 82, 2, 83,
        7, 83, 2, 84, 7, 84, 2, 85, 7, 85, 2, 86, 7, 86, 2, 87, 7, 87, 2, 88, 7, 88, 2, 89, 7, 89,
        2, 90, 7, 90, 2, 91, 7, 91, 2, 92, 7, 92, 2, 93, 7, 93, 2, 94, 7, 94, 2, 95, 7, 95, 2, 96,
        7, 96, 2, 97, 7, 97, 2, 98, 7, 98, 2, 99, 7, 99, 2, 100, 7, 100, 2, 101, 7, 101, 2, 102,
        7, 102, 2, 103, 7, 103, 2, 104, 7, 104, 2, 105, 7, 105, 2, 106, 7, 106, 2, 107, 7, 107,
        2, 108, 7, 108, 2, 109, 7, 109, 2, 110, 7, 110, 2, 111, 7, 111, 2, 112, 7, 112, 2, 113,
        7, 113, 2, 114, 7, 114, 2, 115, 7, 115, 2, 116, 7, 116, 2, 117, 7, 117, 2, 118, 7, 118,
        2, 119, 7, 119, 2, 120, 7, 120, 2, 121, 7, 121, 2, 122, 7, 122, 2, 123, 7, 123, 2, 124,
        7, 124, 2, 125, 7, 125, 2, 126, 7, 126, 2, 127, 7, 127, 2, 128, 7, 128, 2, 129, 7, 129,
        2, 130, 7, 130, 2, 131, 7, 131, 2, 132, 7, 132, 2, 133, 7, 133, 2, 134, 7, 134, 2, 135,
        7, 135, 2, 136, 7, 136, 2, 137, 7, 137, 2, 138, 7, 138, 2, 139, 7, 139, 2, 140, 7, 140,
        2, 141, 7, 141, 2, 142, 7, 142, 2, 143, 7, 143, 2, 144, 7, 144, 2, 145, 7, 145, 2, 146,
        7, 146, 2, 147, 7, 147, 2, 148, 7, 148, 2, 149, 7, 149, 2, 150, 7, 150, 2, 151, 7, 151,
        2, 152, 7, 152, 2, 153, 7, 153, 2, 154, 7, 154, 2, 155, 7, 155, 2, 156, 7, 156, 2, 157,
        7, 157, 2, 158, 7, 158, 2, 159, 7, 159, 2, 160, 7, 160, 2, 161, 7, 161, 2, 162, 7, 162,
        2, 163, 7, 163, 2, 164, 7, 164, 2, 165, 7, 165, 2, 166, 7, 166, 2, 167, 7, 167, 2, 168,
        7, 168, 2, 169, 7, 169, 2, 170, 7, 170, 2, 171, 7, 171, 2, 172, 7, 172, 2, 173, 7, 173,
        2, 174, 7, 174, 2, 175, 7, 175, 2, 176, 7, 176, 2, 177, 7, 177, 2, 178, 7, 178, 2, 179,
        7, 179, 2, 180, 7, 180, 2, 181, 7, 181, 2, 182, 7, 182, 2, 183, 7, 183, 2, 184, 7, 184,
        2, 185, 7, 185, 2, 186, 7, 186, 2, 187, 7, 187, 2, 188, 7, 188, 2, 189, 7, 189, 2, 190,
        7, 190, 2, 191, 7, 191, 2, 192, 7, 192, 2, 193, 7, 193, 2, 194, 7, 194, 2, 195, 7, 195,
        2, 196, 7, 196, 2, 197, 7, 197, 2, 198, 7, 198, 2, 199, 7, 199, 2, 200, 7, 200, 2, 201,
        7, 201, 2, 202, 7, 202, 2, 203, 7, 203, 2, 204, 7, 204, 2, 205, 7, 205, 2, 206, 7, 206,
        2, 207, 7, 207, 2, 208, 7, 208, 2, 209, 7, 209, 2, 210, 7, 210, 2, 211, 7, 211, 2, 212,
        7, 212, 2, 213, 7, 213, 2, 214, 7, 214, 2, 215, 7, 215, 2, 216, 7, 216, 2, 217, 7, 217,
        2, 218, 7, 218, 2, 219, 7, 219, 2, 220, 7, 220, 2, 221, 7, 221, 2, 222, 7, 222, 2, 223,
        7, 223, 2, 224, 7, 224, 2, 225, 7, 225, 2, 226, 7, 226, 2, 227, 7, 227, 2, 228, 7, 228,
        2, 229, 7, 229, 2, 230, 7, 230, 2, 231, 7, 231, 2, 232, 7, 232, 2, 233, 7, 233, 2, 234,
        7, 234, 2, 235, 7, 235, 2, 236, 7, 236, 2, 237, 7, 237, 2, 238, 7, 238, 2, 239, 7, 239,
        2, 240, 7, 240, 2, 241, 7, 241, 2, 242, 7, 242, 2, 243, 7, 243, 2, 244, 7, 244, 2, 245,
        7, 245, 2, 246, 7, 246, 2, 247, 7, 247, 2, 248, 7, 248, 2, 249, 7, 249, 2, 250, 7, 250,
        2, 251, 7, 251, 2, 252, 7, 252, 2, 253, 7, 253, 2, 254, 7, 254, 2, 255, 7, 255, 2, 256,
        7, 256, 2, 257, 7, 257, 2, 258, 7, 258, 2, 259, 7, 259, 2, 260, 7, 260, 2, 261, 7, 261,
        2, 262, 7, 262, 2, 263, 7, 263, 2, 264, 7, 264, 2, 265, 7, 265, 2, 266, 7, 266, 2, 267,
        7, 267, 2, 268, 7, 268, 2, 269, 7, 269, 2, 270, 7, 270, 2, 271, 7, 271, 2, 272, 7, 272,
        2, 273, 7, 273, 2, 274, 7, 274, 2, 275, 7, 275, 2, 276, 7, 276, 2, 277, 7, 277, 2, 278,
        7, 278, 2, 279, 7, 279, 2, 280, 7, 280, 2, 281, 7, 281, 2, 282, 7, 282, 2, 283, 7, 283,
        2, 284, 7, 284, 2, 285, 7, 285, 2, 286, 7, 286, 2, 287, 7, 287, 2, 288, 7, 288, 2, 289,
        7, 289, 2, 290, 7, 290, 2, 291, 7, 291, 2, 292, 7, 292, 2, 293, 7, 293, 2, 294, 7, 294,
        2, 295, 7, 295, 2, 296, 7, 296, 2, 297, 7, 297, 2, 298, 7, 298, 2, 299, 7, 299, 2, 300,
        7, 300, 2, 301, 7, 301, 2, 302, 7, 302, 2, 303, 7, 303, 2, 304, 7, 304, 2, 305, 7, 305,
        2, 306, 7, 306, 2, 307, 7, 307, 2, 308, 7, 308, 2, 309, 7, 309, 2, 310, 7, 310, 2, 311,
        7, 311, 2, 312, 7, 312, 2, 313, 7, 313, 2, 314, 7, 314, 2, 315, 7, 315, 2, 316, 7, 316,
        2, 317, 7, 317, 2, 318, 7, 318, 2, 319, 7, 319, 2, 320, 7, 320, 2, 321, 7, 321, 2, 322,
        7, 322, 2, 323, 7, 323, 2, 324, 7, 324, 2, 325, 7, 325, 2, 326, 7, 326, 2, 327, 7, 327,
        2, 328, 7, 328, 2, 329, 7, 329, 2, 330, 7, 330, 2, 331, 7, 331, 2, 332, 7, 332, 2, 333,
        7, 333, 2, 334, 7, 334, 2, 335, 7, 335, 2, 336, 7, 336, 2, 337, 7, 337, 2, 338, 7, 338,
        2, 339, 7, 339, 2, 340, 7, 340, 2, 341, 7, 341, 2, 342, 7, 342, 2, 343, 7, 343, 2, 344,
        7, 344, 2, 345, 7, 345, 2, 346, 7, 346, 2, 347, 7, 347, 2, 348, 7, 348, 2, 349, 7, 349,
        2, 350, 7, 350, 2, 351, 7, 351, 2, 352, 7, 352, 2, 353, 7, 353, 2, 354, 7, 354, 2, 355,
        7, 355, 2, 356, 7, 356, 2, 357, 7, 357, 2, 358, 7, 358, 2, 359, 7, 359, 2, 360, 7, 360,
        2, 361, 7, 361, 2, 362, 7, 362, 2, 363, 7, 363, 2, 364, 7, 364, 2, 365, 7, 365, 2, 366,
        7, 366, 2, 367, 7, 367, 2, 368, 7, 368, 2, 369, 7, 369, 2, 370, 7, 370, 2, 371, 7, 371,
        2, 372, 7, 372, 2, 373, 7, 373, 2, 374, 7, 374, 2, 375, 7, 375, 2, 376, 7, 376, 2, 377,
        7, 377, 2, 378, 7, 378, 2, 379, 7, 379, 2, 380, 7, 380, 2, 381, 7, 381, 2, 382, 7, 382,
        2, 383, 7, 383, 2, 384, 7, 384, 2, 385, 7, 385, 2, 386, 7, 386, 2, 387, 7, 387, 2, 388,
        7, 388, 2, 389, 7, 389, 2, 390, 7, 390, 2, 391, 7, 391, 2, 392, 7, 392, 2, 393, 7, 393,
        2, 394, 7, 394, 2, 395, 7, 395, 2, 396, 7, 396, 2, 397, 7, 397, 2, 398, 7, 398, 2, 399,
        7, 399, 2, 400, 7, 400, 2, 401, 7, 401, 2, 402, 7, 402, 2, 403, 7, 403, 2, 404, 7, 404,
        2, 405, 7, 405, 2, 406, 7, 406, 2, 407, 7, 407, 2, 408, 7, 408, 2, 409, 7, 409, 2, 410,
        7, 410, 2, 411, 7, 411, 2, 412, 7, 412, 2, 413, 7, 413, 2, 414, 7, 414, 2, 415, 7, 415,
        2, 416, 7, 416, 2, 417, 7, 417, 2, 418, 7, 418, 2, 419, 7, 419, 2, 420, 7, 420, 2, 421,
        7, 421, 2, 422, 7, 422, 2, 423, 7, 423, 2, 424, 7, 424, 2, 425, 7, 425, 2, 426, 7, 426,
        2, 427, 7, 427, 2, 428, 7, 428, 2, 429, 7, 429, 2, 430, 7, 430, 2, 431, 7, 431, 2, 432,
        7, 432, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 3, 0, 876, 8, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1,
        3, 1, 4, 1, 4, 1, 4, 1, 4, 1, 4, 1, 4, 1, 4, 1, 4, 1, 4, 1, 4, 1, 4, 1, 5, 1, 5, 1, 5, 1, 5, 1,
        5, 1, 5, 1, 5, 1, 5, 1, 6, 1, 6, 1, 6, 1, 6, 1, 6, 1, 6, 1, 6, 1, 6, 1, 7, 1, 7, 1, 7, 1, 7, 1,
        7, 1, 7, 1, 8, 1, 8, 1, 8, 1, 8, 1, 8, 1, 8, 1, 9, 1, 9, 1, 9, 1, 9, 1, 9, 1, 10, 1, 10, 1, 10,
        1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 11, 1, 11, 1, 11, 1, 11,
        1, 11, 1, 12, 1, 12, 1, 12, 1, 13, 1, 13, 1, 13, 1, 13, 1, 13, 1, 13, 1, 13, 1, 13, 1, 14,
        1, 14, 1, 14, 1, 14, 1, 14, 1, 14, 1, 14, 1, 14, 1, 15, 1, 15, 1, 15, 1, 15, 1, 15, 1, 15,
        1, 15, 1, 16, 1, 16, 1, 16, 1, 16, 1, 17, 1, 17, 1, 17, 1, 17, 5, 17, 995, 8, 17, 10, 17,
        12, 17, 998, 9, 17, 1, 17, 1, 17, 1, 18, 1, 18, 1, 18, 1, 18, 5, 18, 1006, 8, 18, 10, 18,
        12, 18, 1009, 9, 18, 1, 18, 1, 18, 1, 18, 1, 18, 1, 18, 1, 19, 1, 19, 5, 19, 1018, 8, 19,
        10, 19, 12, 19, 1021, 9, 19, 1, 19, 1, 19, 1, 19, 5, 19, 1026, 8, 19, 10, 19, 12, 19,
        1029, 9, 19, 1, 19, 3, 19, 1032, 8, 19, 1, 19, 3, 19, 1035, 8, 19, 1, 19, 1, 19, 1, 19,
        5, 19, 1040, 8, 19, 10, 19, 12, 19, 1043, 9, 19, 1, 19, 3, 19, 1046, 8, 19, 1, 19, 3,
        19, 1049, 8, 19, 1, 19, 1, 19, 5, 19, 1053, 8, 19, 10, 19, 12, 19, 1056, 9, 19, 1, 19,
        1, 19, 3, 19, 1060, 8, 19, 3, 19, 1062, 8, 19, 1, 20, 1, 20, 5, 20, 1066, 8, 20, 10, 20,
        12, 20, 1069, 9, 20, 1, 20, 5, 20, 1072, 8, 20, 10, 20, 12, 20, 1075, 9, 20, 1, 20, 3,
        20, 1078, 8, 20, 1, 21, 1, 21, 3, 21, 1082, 8, 21, 1, 21, 4, 21, 1085, 8, 21, 11, 21,
        12, 21, 1086, 1, 21, 5, 21, 1090, 8, 21, 10, 21, 12, 21, 1093, 9, 21, 1, 22, 3, 22, 1096,
        8, 22, 1, 22, 1, 22, 1, 23, 1, 23, 1, 23, 1, 23, 5, 23, 1104, 8, 23, 10, 23, 12, 23, 1107,
        9, 23, 1, 24, 1, 24, 1, 24, 1, 24, 5, 24, 1113, 8, 24, 10, 24, 12, 24, 1116, 9, 24, 1,
        25, 1, 25, 1, 25, 5, 25, 1121, 8, 25, 10, 25, 12, 25, 1124, 9, 25, 1, 25, 1, 25, 1, 26,
        1, 26, 1, 26, 5, 26, 1131, 8, 26, 10, 26, 12, 26, 1134, 9, 26, 1, 26, 1, 26, 1, 27, 1,
        27, 1, 27, 1, 28, 1, 28, 1, 28, 1, 28, 5, 28, 1145, 8, 28, 10, 28, 12, 28, 1148, 9, 28,
        1, 28, 1, 28, 1, 29, 1, 29, 1, 29, 1, 29, 1, 29, 1, 29, 1, 29, 1, 30, 1, 30, 1, 30, 1, 30,
        1, 30, 1, 30, 1, 30, 1, 31, 1, 31, 1, 31, 1, 31, 1, 31, 1, 31, 1, 31, 1, 31, 1, 32, 1, 32,
        1, 32, 1, 32, 1, 33, 1, 33, 1, 33, 1, 33, 1, 33, 1, 33, 1, 34, 1, 34, 1, 34, 1, 34, 1, 34,
        1, 34, 1, 34, 1, 34, 1, 34, 1, 34, 1, 34, 1, 34, 1, 34, 1, 34, 1, 35, 1, 35, 1, 35, 1, 35,
        1, 35, 1, 35, 1, 36, 1, 36, 1, 36, 1, 36, 1, 36, 1, 36, 1, 36, 1, 36, 1, 37, 1, 37, 1, 37,
        1, 37, 1, 37, 1, 37, 1, 37, 1, 37, 1, 37, 1, 37, 1, 37, 1, 37, 1, 37, 1, 37, 1, 37, 1, 37,
        1, 37, 1, 38, 1, 38, 1, 38, 1, 38, 1, 39, 1, 39, 1, 39, 1, 39, 1, 39, 1, 39, 1, 39, 1, 39,
        1, 39, 1, 39, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 40, 1, 41, 1, 41, 1, 41, 1, 41, 1, 41,
        1, 41, 1, 41, 1, 41, 1, 41, 1, 42, 1, 42, 1, 42, 1, 42, 1, 43, 1, 43, 1, 43, 1, 43, 1, 44,
        1, 44, 1, 44, 1, 44, 1, 44, 1, 44, 1, 45, 1, 45, 1, 45, 1, 46, 1, 46, 1, 46, 1, 46, 1, 47,
        1, 47, 1, 47, 1, 47, 1, 47, 1, 47, 1, 47, 1, 47, 1, 47, 1, 47, 1, 48, 1, 48, 1, 48, 1, 48,
        1, 48, 1, 48, 1, 48, 1, 49, 1, 49, 1, 49, 1, 50, 1, 50, 1, 50, 1, 50, 1, 50, 1, 51, 1, 51,
        1, 51, 1, 51, 1, 51, 1, 52, 1, 52, 1, 53, 1, 53, 1, 53, 1, 53, 1, 53, 1, 53, 1, 53, 1, 53,
        1, 53, 1, 54, 1, 54, 1, 54, 1, 54, 1, 54, 1, 55, 1, 55, 1, 55, 1, 55, 1, 55, 1, 55, 1, 55,
        1, 55, 1, 56, 1, 56, 1, 56, 1, 56, 1, 56, 1, 56, 1, 56, 1, 56, 1, 57, 1, 57, 1, 57, 1, 57,
        1, 57, 1, 58, 1, 58, 1, 58, 1, 58, 1, 58, 1, 58, 1, 59, 1, 59, 1, 59, 1, 59, 1, 59, 1, 59,
        1, 60, 1, 60, 1, 60, 1, 61, 1, 61, 1, 61, 1, 61, 1, 61, 1, 62, 1, 62, 1, 62, 1, 62, 1, 62,
        1, 62, 1, 62, 1, 62, 1, 63, 1, 63, 1, 63, 1, 63, 1, 63, 1, 64, 1, 64, 1, 64, 1, 64, 1, 64,
        1, 64, 1, 64, 1, 65, 1, 65, 1, 65, 1, 65, 1, 65, 1, 66, 1, 66, 1, 66, 1, 66, 1, 66, 1, 66,
        1, 66, 1, 66, 1, 67, 1, 67, 1, 68, 1, 68, 1, 68, 1, 69, 1, 69, 1, 70, 1, 70, 1, 70, 1, 70,
        1, 70, 1, 70, 1, 70, 1, 70, 1, 71, 1, 71, 1, 71, 1, 71, 1, 71, 1, 71, 1, 71, 1, 71, 1, 71,
        1, 72, 1, 72, 1, 72, 1, 72, 1, 72, 1, 72, 1, 72, 1, 72, 1, 72, 1, 72, 1, 73, 1, 73, 1, 73,
        1, 73, 1, 73, 1, 73, 1, 73, 1, 73, 1, 73, 1, 73, 1, 73, 1, 74, 1, 74, 1, 74, 1, 74, 1, 74,
        1, 74, 1, 74, 1, 74, 1, 74, 1, 74, 1, 74, 1, 75, 1, 75, 1, 75, 1, 75, 1, 75, 1, 75, 1, 75,
        1, 75, 1, 75, 1, 75, 1, 75, 1, 75, 1, 76, 1, 76, 1, 76, 1, 76, 1, 76, 1, 76, 1, 76, 1, 76,
        1, 76, 1, 77, 1, 77, 1, 77, 1, 77, 1, 77, 1, 78, 1, 78, 1, 78, 1, 78, 1, 78, 1, 78, 1, 78,
        1, 78, 1, 78, 1, 78, 1, 79, 1, 79, 1, 79, 1, 79, 1, 79, 1, 79, 1, 79, 1, 79, 1, 79, 1, 80,
        1, 80, 1, 80, 1, 80, 1, 80, 1, 80, 1, 80, 1, 81, 1, 81, 1, 81, 1, 81, 1, 81, 1, 81, 1, 82,
        1, 82, 1, 82, 1, 82, 1, 82, 1, 82, 1, 82, 1, 83, 1, 83, 1, 83, 1, 83, 1, 83, 1, 83, 1, 83,
        1, 83, 1, 83, 1, 83, 1, 83, 1, 84, 1, 84, 1, 84, 1, 84, 1, 84, 1, 84, 1, 84, 1, 84, 1, 84,
        1, 84, 1, 84, 1, 84, 1, 85, 1, 85, 1, 85, 1, 85, 1, 86, 1, 86, 1, 86, 1, 86, 1, 86, 1, 86,
        1, 86, 1, 86, 1, 87, 1, 87, 1, 87, 1, 87, 1, 87, 1, 88, 1, 88, 1, 88, 1, 88, 1, 88, 1, 88,
        1, 88, 1, 88, 1, 88, 1, 89, 1, 89, 1, 89, 1, 89, 1, 89, 1, 89, 1, 89, 1, 89, 1, 89, 1, 89,
        1, 90, 1, 90, 1, 90, 1, 90, 1, 90, 1, 91, 1, 91, 1, 91, 1, 91, 1, 91, 1, 91, 1, 91, 1, 91,
        1, 91, 1, 92, 1, 92, 1, 92, 1, 92, 1, 92, 1, 93, 1, 93, 1, 93, 1, 93, 1, 93, 1, 93, 1, 93,
        1, 93, 1, 93, 1, 93, 1, 93, 1, 94, 1, 94, 1, 94, 1, 94, 1, 94, 1, 94, 1, 94, 1, 94, 1, 95,
        1, 95, 1, 95, 1, 95, 1, 95, 1, 95, 1, 95, 1, 96, 1, 96, 1, 96, 1, 96, 1, 96, 1, 96, 1, 96,
        1, 96, 1, 97, 1, 97, 1, 97, 1, 97, 1, 97, 1, 97, 1, 97, 1, 98, 1, 98, 1, 98, 1, 98, 1, 98,
        1, 99, 1, 99, 1, 99, 1, 99, 1, 99, 1, 100, 1, 100, 1, 100, 1, 100, 1, 100, 1, 100, 1, 100,
        1, 100, 1, 100, 1, 100, 1, 100, 1, 101, 1, 101, 1, 101, 1, 101, 1, 101, 1, 101, 1, 101,
        1, 101, 1, 102, 1, 102, 1, 102, 1, 102, 1, 102, 1, 102, 1, 102, 1, 103, 1, 103, 1, 103,
        1, 103, 1, 103, 1, 103, 1, 103, 1, 103, 1, 103, 1, 103, 1, 104, 1, 104, 1, 105, 1, 105,
        1, 105, 1, 105, 1, 105, 1, 105, 1, 105, 1, 105, 1, 105, 1, 106, 1, 106, 1, 106, 1, 106,
        1, 106, 1, 106, 1, 106, 1, 106, 1, 106, 1, 107, 1, 107, 1, 108, 1, 108, 1, 109, 1, 109,
        1, 109, 1, 109, 1, 110, 1, 110, 1, 110, 1, 111, 1, 111, 1, 111, 1, 112, 1, 112, 1, 112,
        1, 112, 1, 112, 1, 112, 1, 112, 1, 113, 1, 113, 1, 113, 1, 113, 1, 113, 1, 114, 1, 114,
        1, 114, 1, 114, 1, 114, 1, 114, 1, 114, 1, 115, 1, 115, 1, 115, 1, 115, 1, 115, 1, 116,
        1, 116, 1, 116, 1, 116, 1, 116, 1, 116, 1, 116, 1, 116, 1, 116, 1, 117, 1, 117, 1, 117,
        1, 117, 1, 117, 1, 118, 1, 118, 1, 118, 1, 118, 1, 118, 1, 119, 1, 119, 1, 119, 1, 119,
        1, 119, 1, 119, 1, 119, 1, 120, 1, 120, 1, 120, 1, 120, 1, 120, 1, 120, 1, 120, 1, 120,
        1, 121, 1, 121, 1, 121, 1, 121, 1, 121, 1, 121, 1, 121, 1, 121, 1, 121, 1, 122, 1, 122,
        1, 122, 1, 122, 1, 122, 1, 123, 1, 123, 1, 123, 1, 123, 1, 123, 1, 123, 1, 123, 1, 123,
        1, 124, 1, 124, 1, 124, 1, 124, 1, 124, 1, 124, 1, 124, 1, 124, 1, 124, 1, 124, 1, 125,
        1, 125, 1, 125, 1, 125, 1, 125, 1, 125, 1, 125, 1, 125, 1, 125, 1, 125, 1, 126, 1, 126,
        1, 126, 1, 126, 1, 126, 1, 126, 1, 126, 1, 126, 1, 126, 1, 126, 1, 126, 1, 126, 1, 126,
        1, 126, 1, 126, 1, 126, 1, 126, 1, 126, 1, 127, 1, 127, 1, 127, 1, 127, 1, 128, 1, 128,
        1, 128, 1, 128, 1, 128, 1, 129, 1, 129, 1, 130, 1, 130, 1, 130, 1, 130, 1, 130, 1, 130,
        1, 130, 1, 130, 1, 130, 1, 130, 1, 130, 1, 131, 1, 131, 1, 131, 1, 131, 1, 131, 1, 131,
        1, 131, 1, 131, 1, 132, 1, 132, 1, 132, 1, 132, 1, 132, 1, 132, 1, 133, 1, 133, 1, 133,
        1, 133, 1, 133, 1, 133, 1, 133, 1, 133, 1, 133, 1, 133, 1, 134, 1, 134, 1, 134, 1, 134,
        1, 134, 1, 134, 1, 134, 1, 135, 1, 135, 1, 135, 1, 135, 1, 135, 1, 135, 1, 135, 1, 136,
        1, 136, 1, 136, 1, 136, 1, 136, 1, 136, 1, 137, 1, 137, 1, 137, 1, 137, 1, 137, 1, 138,
        1, 138, 1, 138, 1, 138, 1, 138, 1, 138, 1, 139, 1, 139, 1, 139, 1, 139, 1, 139, 1, 139,
        1, 139, 1, 139, 1, 139, 1, 139, 1, 139, 1, 139, 1, 139, 1, 139, 1, 139, 1, 139, 1, 140,
        1, 140, 1, 140, 1, 140, 1, 140, 1, 140, 1, 140, 1, 141, 1, 141, 1, 141, 1, 141, 1, 141,
        1, 141, 1, 141, 1, 142, 1, 142, 1, 142, 1, 142, 1, 142, 1, 142, 1, 143, 1, 143, 1, 143,
        1, 143, 1, 143, 1, 143, 1, 143, 1, 143, 1, 144, 1, 144, 1, 144, 1, 144, 1, 144, 1, 144,
        1, 144, 1, 144, 1, 145, 1, 145, 1, 145, 1, 145, 1, 146, 1, 146, 1, 146, 1, 146, 1, 146,
        1, 146, 1, 146, 1, 146, 1, 147, 1, 147, 1, 147, 1, 147, 1, 147, 1, 147, 1, 147, 1, 147,
        1, 147, 1, 147, 1, 147, 1, 148, 1, 148, 1, 148, 1, 148, 1, 148, 1, 149, 1, 149, 1, 149,
        1, 149, 1, 149, 1, 149, 1, 149, 1, 149, 1, 149, 1, 150, 1, 150, 1, 150, 1, 150, 1, 150,
        1, 150, 1, 150, 1, 150, 1, 150, 1, 151, 1, 151, 1, 151, 1, 151, 1, 151, 1, 151, 1, 151,
        1, 151, 1, 151, 1, 151, 1, 152, 1, 152, 1, 152, 1, 153, 1, 153, 1, 153, 1, 153, 1, 153,
        1, 153, 1, 154, 1, 154, 1, 154, 1, 154, 1, 154, 1, 154, 1, 155, 1, 155, 1, 155, 1, 155,
        1, 155, 1, 155, 1, 155, 1, 156, 1, 156, 1, 156, 1, 156, 1, 156, 1, 156, 1, 157, 1, 157,
        1, 157, 1, 157, 1, 157, 1, 157, 1, 157, 1, 158, 1, 158, 1, 159, 1, 159, 1, 159, 1, 159,
        1, 159, 1, 159, 1, 159, 1, 159, 1, 160, 1, 160, 1, 160, 1, 160, 1, 160, 1, 160, 1, 160,
        1, 160, 1, 161, 1, 161, 1, 161, 1, 161, 1, 161, 1, 162, 1, 162, 1, 162, 1, 163, 1, 163,
        1, 163, 1, 164, 1, 164, 1, 164, 1, 164, 1, 164, 1, 164, 1, 164, 1, 164, 1, 164, 1, 164,
        1, 164, 1, 164, 1, 165, 1, 165, 1, 165, 1, 165, 1, 165, 1, 165, 1, 165, 1, 165, 1, 165,
        1, 165, 1, 166, 1, 166, 1, 166, 1, 167, 1, 167, 1, 167, 1, 167, 1, 167, 1, 167, 1, 168,
        1, 168, 1, 168, 1, 168, 1, 168, 1, 168, 1, 168, 1, 168, 1, 169, 1, 169, 1, 169, 1, 169,
        1, 170, 1, 170, 1, 170, 1, 170, 1, 170, 1, 170, 1, 170, 1, 170, 1, 170, 1, 171, 1, 171,
        1, 171, 1, 171, 1, 171, 1, 171, 1, 171, 1, 172, 1, 172, 1, 172, 1, 172, 1, 172, 1, 173,
        1, 173, 1, 173, 1, 173, 1, 174, 1, 174, 1, 174, 1, 174, 1, 174, 1, 174, 1, 175, 1, 175,
        1, 175, 1, 175, 1, 175, 1, 175, 1, 176, 1, 176, 1, 176, 1, 176, 1, 176, 1, 176, 1, 177,
        1, 177, 1, 177, 1, 177, 1, 177, 1, 178, 1, 178, 1, 178, 1, 178, 1, 178, 1, 178, 1, 178,
        1, 178, 1, 179, 1, 179, 1, 179, 1, 179, 1, 179, 1, 179, 1, 179, 1, 179, 1, 179, 1, 179,
        1, 180, 1, 180, 1, 180, 1, 180, 1, 180, 1, 180, 1, 180, 1, 180, 1, 180, 1, 180, 1, 181,
        1, 181, 1, 181, 1, 181, 1, 181, 1, 181, 1, 181, 1, 181, 1, 181, 1, 181, 1, 182, 1, 182,
        1, 182, 1, 182, 1, 182, 1, 182, 1, 182, 1, 182, 1, 182, 1, 183, 1, 183, 1, 183, 1, 184,
        1, 184, 1, 184, 1, 184, 1, 184, 1, 185, 1, 185, 1, 185, 1, 185, 1, 186, 1, 186, 1, 186,
        1, 186, 1, 186, 1, 186, 1, 187, 1, 187, 1, 187, 1, 187, 1, 187, 1, 187, 1, 187, 1, 187,
        1, 188, 1, 188, 1, 188, 1, 188, 1, 188, 1, 188, 1, 188, 1, 189, 1, 189, 1, 190, 1, 190,
        1, 191, 1, 191, 1, 191, 1, 191, 1, 191, 1, 191, 1, 191, 1, 191, 1, 191, 1, 192, 1, 192,
        1, 193, 1, 193, 1, 193, 1, 193, 1, 194, 1, 194, 1, 194, 1, 195, 1, 195, 1, 195, 1, 195,
        1, 195, 1, 195, 1, 195, 1, 195, 1, 196, 1, 196, 1, 196, 1, 196, 1, 197, 1, 197, 1, 197,
        1, 197, 1, 197, 1, 197, 1, 198, 1, 198, 1, 198, 1, 198, 1, 198, 1, 199, 1, 199, 1, 199,
        1, 199, 1, 199, 1, 200, 1, 200, 1, 200, 1, 200, 1, 200, 1, 200, 1, 201, 1, 201, 1, 201,
        1, 201, 1, 201, 1, 201, 1, 201, 1, 202, 1, 202, 1, 203, 1, 203, 1, 204, 1, 204, 1, 204,
        1, 204, 1, 204, 1, 204, 1, 204, 1, 204, 1, 204, 1, 204, 1, 204, 1, 205, 1, 205, 1, 205,
        1, 205, 1, 205, 1, 205, 1, 205, 1, 205, 1, 205, 1, 205, 1, 206, 1, 206, 1, 206, 1, 206,
        1, 207, 1, 207, 1, 207, 1, 207, 1, 207, 1, 207, 1, 208, 1, 208, 1, 208, 1, 208, 1, 208,
        1, 208, 1, 209, 1, 209, 1, 209, 1, 209, 1, 209, 1, 209, 1, 209, 1, 209, 1, 209, 1, 210,
        1, 210, 1, 211, 1, 211, 1, 212, 1, 212, 1, 212, 1, 212, 1, 212, 1, 212, 1, 212, 1, 212,
        1, 213, 1, 213, 1, 213, 1, 214, 1, 214, 1, 214, 1, 215, 1, 215, 1, 215, 1, 215, 1, 215,
        1, 216, 1, 216, 1, 216, 1, 216, 1, 216, 1, 216, 1, 217, 1, 217, 1, 217, 1, 217, 1, 218,
        1, 218, 1, 218, 1, 218, 1, 219, 1, 219, 1, 219, 1, 219, 1, 220, 1, 220, 1, 220, 1, 220,
        1, 220, 1, 221, 1, 221, 1, 221, 1, 221, 1, 221, 1, 222, 1, 222, 1, 222, 1, 222, 1, 223,
        1, 223, 1, 223, 1, 223, 1, 223, 1, 224, 1, 224, 1, 224, 1, 224, 1, 224, 1, 225, 1, 225,
        1, 225, 1, 225, 1, 225, 1, 225, 1, 225, 1, 225, 1, 225, 1, 226, 1, 226, 1, 226, 1, 226,
        1, 226, 1, 226, 1, 227, 1, 227, 1, 227, 1, 227, 1, 227, 1, 228, 1, 228, 1, 228, 1, 228,
        1, 228, 1, 228, 1, 228, 1, 228, 1, 228, 1, 228, 1, 229, 1, 229, 1, 229, 1, 229, 1, 229,
        1, 229, 1, 229, 1, 229, 1, 229, 1, 229, 1, 229, 1, 230, 1, 230, 1, 230, 1, 230, 1, 231,
        1, 231, 1, 231, 1, 231, 1, 231, 1, 231, 1, 231, 1, 231, 1, 232, 1, 232, 1, 232, 1, 232,
        1, 232, 1, 232, 1, 232, 1, 233, 1, 233, 1, 233, 1, 233, 1, 233, 1, 234, 1, 234, 1, 234,
        1, 234, 1, 234, 1, 234, 1, 234, 1, 235, 1, 235, 1, 235, 1, 236, 1, 236, 1, 236, 1, 236,
        1, 236, 1, 236, 1, 236, 1, 237, 1, 237, 1, 237, 1, 237, 1, 237, 1, 238, 1, 238, 1, 238,
        1, 239, 1, 239, 1, 239, 1, 239, 1, 239, 1, 240, 1, 240, 1, 240, 1, 240, 1, 240, 1, 240,
        1, 240, 1, 240, 1, 240, 1, 241, 1, 241, 1, 241, 1, 241, 1, 241, 1, 241, 1, 241, 1, 241,
        1, 242, 1, 242, 1, 242, 1, 242, 1, 242, 1, 242, 1, 242, 1, 243, 1, 243, 1, 243, 1, 244,
        1, 244, 1, 244, 1, 244, 1, 244, 1, 244, 1, 245, 1, 245, 1, 245, 1, 245, 1, 245, 1, 245,
        1, 245, 1, 245, 1, 245, 1, 246, 1, 246, 1, 246, 1, 246, 1, 246, 1, 246, 1, 246, 1, 246,
        1, 246, 1, 246, 1, 247, 1, 247, 1, 247, 1, 247, 1, 247, 1, 248, 1, 248, 1, 248, 1, 248,
        1, 248, 1, 248, 1, 249, 1, 249, 1, 249, 1, 249, 1, 249, 1, 249, 1, 249, 1, 249, 1, 249,
        1, 249, 1, 250, 1, 250, 1, 251, 1, 251, 1, 251, 1, 252, 1, 252, 1, 252, 1, 252, 1, 252,
        1, 252, 1, 253, 1, 253, 1, 253, 1, 253, 1, 253, 1, 253, 1, 253, 1, 253, 1, 253, 1, 253,
        1, 254, 1, 254, 1, 255, 1, 255, 1, 255, 1, 255, 1, 255, 1, 255, 1, 255, 1, 255, 1, 256,
        1, 256, 1, 256, 1, 256, 1, 256, 1, 256, 1, 256, 1, 256, 1, 256, 1, 256, 1, 257, 1, 257,
        1, 257, 1, 257, 1, 257, 1, 257, 1, 257, 1, 257, 1, 257, 1, 257, 1, 258, 1, 258, 1, 258,
        1, 258, 1, 258, 1, 258, 1, 258, 1, 258, 1, 258, 1, 258, 1, 258, 1, 259, 1, 259, 1, 259,
        1, 259, 1, 259, 1, 259, 1, 259, 1, 259, 1, 259, 1, 259, 1, 260, 1, 260, 1, 260, 1, 260,
        1, 260, 1, 260, 1, 260, 1, 260, 1, 260, 1, 260, 1, 260, 1, 261, 1, 261, 1, 261, 1, 261,
        1, 261, 1, 261, 1, 261, 1, 261, 1, 261, 1, 261, 1, 261, 1, 262, 1, 262, 1, 262, 1, 262,
        1, 262, 1, 262, 1, 262, 1, 262, 1, 262, 1, 262, 1, 262, 1, 262, 1, 262, 1, 262, 1, 262,
        1, 262, 1, 263, 1, 263, 1, 263, 1, 263, 1, 263, 1, 263, 1, 263, 1, 263, 1, 263, 1, 264,
        1, 264, 1, 264, 1, 264, 1, 264, 1, 264, 1, 264, 1, 264, 1, 264, 1, 265, 1, 265, 1, 265,
        1, 265, 1, 265, 1, 265, 1, 265, 1, 265, 1, 265, 1, 265, 1, 266, 1, 266, 1, 267, 1, 267,
        1, 267, 1, 267, 1, 267, 1, 267, 1, 268, 1, 268, 1, 269, 1, 269, 1, 269, 1, 269, 1, 269,
        1, 270, 1, 270, 1, 270, 1, 270, 1, 270, 1, 270, 1, 270, 1, 270, 1, 270, 1, 270, 1, 270,
        1, 271, 1, 271, 1, 271, 1, 271, 1, 271, 1, 271, 1, 271, 1, 272, 1, 272, 1, 272, 1, 272,
        1, 272, 1, 272, 1, 272, 1, 273, 1, 273, 1, 273, 1, 274, 1, 274, 1, 274, 1, 274, 1, 275,
        1, 275, 1, 275, 1, 275, 1, 275, 1, 275, 1, 275, 1, 275, 1, 275, 1, 275, 1, 275, 1, 275,
        1, 275, 1, 276, 1, 276, 1, 276, 1, 276, 1, 276, 1, 276, 1, 276, 1, 276, 1, 276, 1, 276,
        1, 276, 1, 276, 1, 276, 1, 276, 1, 277, 1, 277, 1, 277, 1, 277, 1, 277, 1, 277, 1, 277,
        1, 278, 1, 278, 1, 278, 1, 278, 1, 278, 1, 278, 1, 278, 1, 278, 1, 278, 1, 278, 1, 278,
        1, 279, 1, 279, 1, 279, 1, 279, 1, 279, 1, 279, 1, 279, 1, 279, 1, 280, 1, 280, 1, 280,
        1, 280, 1, 280, 1, 280, 1, 280, 1, 280, 1, 281, 1, 281, 1, 281, 1, 281, 1, 281, 1, 281,
        1, 281, 1, 281, 1, 281, 1, 282, 1, 282, 1, 282, 1, 282, 1, 282, 1, 282, 1, 282, 1, 283,
        1, 283, 1, 283, 1, 283, 1, 283, 1, 283, 1, 283, 1, 283, 1, 284, 1, 284, 1, 284, 1, 284,
        1, 284, 1, 284, 1, 284, 1, 284, 1, 284, 1, 285, 1, 285, 1, 285, 1, 285, 1, 285, 1, 285,
        1, 285, 1, 285, 1, 285, 1, 286, 1, 286, 1, 286, 1, 286, 1, 286, 1, 286, 1, 287, 1, 287,
        1, 287, 1, 287, 1, 287, 1, 287, 1, 287, 1, 288, 1, 288, 1, 288, 1, 288, 1, 288, 1, 288,
        1, 288, 1, 289, 1, 289, 1, 289, 1, 289, 1, 289, 1, 290, 1, 290, 1, 290, 1, 290, 1, 290,
        1, 290, 1, 291, 1, 291, 1, 291, 1, 291, 1, 292, 1, 292, 1, 292, 1, 292, 1, 292, 1, 293,
        1, 293, 1, 293, 1, 293, 1, 293, 1, 294, 1, 294, 1, 294, 1, 294, 1, 294, 1, 294, 1, 295,
        1, 295, 1, 296, 1, 296, 1, 296, 1, 296, 1, 296, 1, 297, 1, 297, 1, 297, 1, 297, 1, 297,
        1, 297, 1, 298, 1, 298, 1, 298, 1, 298, 1, 298, 1, 298, 1, 298, 1, 299, 1, 299, 1, 299,
        1, 299, 1, 300, 1, 300, 1, 300, 1, 300, 1, 300, 1, 300, 1, 300, 1, 301, 1, 301, 1, 301,
        1, 301, 1, 301, 1, 301, 1, 301, 1, 301, 1, 301, 1, 301, 1, 302, 1, 302, 1, 302, 1, 302,
        1, 302, 1, 302, 1, 302, 1, 302, 1, 302, 1, 302, 1, 302, 1, 302, 1, 303, 1, 303, 1, 303,
        1, 303, 1, 303, 1, 303, 1, 303, 1, 303, 1, 304, 1, 304, 1, 304, 1, 304, 1, 304, 1, 304,
        1, 304, 1, 305, 1, 305, 1, 305, 1, 305, 1, 305, 1, 305, 1, 305, 1, 305, 1, 306, 1, 306,
        1, 306, 1, 306, 1, 306, 1, 307, 1, 307, 1, 308, 1, 308, 1, 308, 1, 308, 1, 308, 1, 308,
        1, 308, 1, 309, 1, 309, 1, 309, 1, 309, 1, 309, 1, 309, 1, 309, 1, 309, 1, 310, 1, 310,
        1, 310, 1, 310, 1, 311, 1, 311, 1, 311, 1, 311, 1, 311, 1, 311, 1, 311, 1, 311, 1, 312,
        1, 312, 1, 312, 1, 312, 1, 312, 1, 312, 1, 312, 1, 312, 1, 312, 1, 313, 1, 313, 1, 313,
        1, 313, 1, 313, 1, 313, 1, 314, 1, 314, 1, 314, 1, 314, 1, 314, 1, 314, 1, 314, 1, 315,
        1, 315, 1, 315, 1, 315, 1, 315, 1, 315, 1, 315, 1, 315, 1, 315, 1, 315, 1, 315, 1, 315,
        1, 315, 1, 316, 1, 316, 1, 316, 1, 316, 1, 316, 1, 316, 1, 316, 1, 316, 1, 316, 1, 317,
        1, 317, 1, 317, 1, 317, 1, 317, 1, 318, 1, 318, 1, 318, 1, 318, 1, 318, 1, 318, 1, 318,
        1, 319, 1, 319, 1, 319, 1, 319, 1, 319, 1, 319, 1, 319, 1, 320, 1, 320, 1, 320, 1, 320,
        1, 320, 1, 321, 1, 321, 1, 321, 1, 321, 1, 321, 1, 321, 1, 322, 1, 322, 1, 322, 1, 322,
        1, 322, 1, 322, 1, 322, 1, 323, 1, 323, 1, 323, 1, 323, 1, 323, 1, 323, 1, 323, 1, 324,
        1, 324, 1, 324, 1, 324, 1, 324, 1, 325, 1, 325, 1, 325, 1, 325, 1, 325, 1, 325, 1, 325,
        1, 326, 1, 326, 1, 326, 1, 326, 1, 326, 1, 326, 1, 326, 1, 326, 1, 326, 1, 326, 1, 327,
        1, 327, 1, 327, 1, 327, 1, 327, 1, 327, 1, 327, 1, 327, 1, 327, 1, 327, 1, 328, 1, 328,
        1, 328, 1, 328, 1, 329, 1, 329, 1, 329, 1, 329, 1, 329, 1, 330, 1, 330, 1, 330, 1, 330,
        1, 330, 1, 330, 1, 330, 1, 331, 1, 331, 1, 331, 1, 331, 1, 331, 1, 331, 1, 331, 1, 331,
        1, 331, 1, 331, 1, 332, 1, 332, 1, 332, 1, 332, 1, 332, 1, 333, 1, 333, 1, 333, 1, 333,
        1, 333, 1, 334, 1, 334, 1, 334, 1, 334, 1, 334, 1, 335, 1, 335, 1, 336, 1, 336, 1, 336,
        1, 336, 1, 336, 1, 336, 1, 336, 1, 336, 1, 336, 1, 336, 1, 337, 1, 337, 1, 337, 1, 337,
        1, 337, 1, 337, 1, 337, 1, 337, 1, 337, 1, 338, 1, 338, 1, 338, 1, 339, 1, 339, 1, 339,
        1, 339, 1, 339, 1, 339, 1, 339, 1, 339, 1, 339, 1, 340, 1, 340, 1, 340, 1, 340, 1, 340,
        1, 340, 1, 341, 1, 341, 1, 341, 1, 341, 1, 341, 1, 341, 1, 341, 1, 341, 1, 341, 1, 342,
        1, 342, 1, 342, 1, 342, 1, 342, 1, 342, 1, 342, 1, 342, 1, 342, 1, 342, 1, 342, 1, 342,
        1, 343, 1, 343, 1, 343, 1, 343, 1, 343, 1, 343, 1, 343, 1, 343, 1, 343, 1, 343, 1, 343,
        1, 343, 1, 343, 1, 344, 1, 344, 1, 344, 1, 344, 1, 344, 1, 344, 1, 344, 1, 344, 1, 344,
        1, 345, 1, 345, 1, 345, 1, 345, 1, 345, 1, 346, 1, 346, 1, 346, 1, 346, 1, 346, 1, 347,
        1, 347, 1, 347, 1, 347, 1, 347, 1, 348, 1, 348, 1, 348, 1, 348, 1, 348, 1, 348, 1, 349,
        1, 349, 1, 349, 1, 349, 1, 349, 1, 349, 1, 350, 1, 350, 1, 350, 1, 350, 1, 350, 1, 351,
        1, 351, 1, 351, 1, 351, 1, 351, 1, 351, 1, 352, 1, 352, 1, 352, 1, 352, 1, 352, 1, 352,
        1, 352, 1, 353, 1, 353, 1, 353, 1, 353, 1, 353, 1, 353, 1, 353, 1, 353, 1, 353, 1, 353,
        1, 353, 1, 354, 1, 354, 1, 354, 1, 354, 1, 354, 1, 354, 1, 354, 1, 355, 1, 355, 1, 355,
        1, 355, 1, 356, 1, 356, 1, 356, 1, 356, 1, 357, 1, 357, 1, 357, 1, 357, 1, 357, 1, 358,
        1, 358, 1, 358, 1, 358, 1, 358, 1, 358, 1, 359, 1, 359, 1, 359, 1, 359, 1, 359, 1, 359,
        1, 360, 1, 360, 1, 360, 1, 360, 1, 360, 1, 360, 1, 361, 1, 361, 1, 361, 1, 361, 1, 361,
        1, 361, 1, 361, 1, 361, 1, 362, 1, 362, 1, 362, 1, 362, 1, 363, 1, 363, 1, 363, 1, 363,
        1, 363, 1, 363, 1, 363, 1, 364, 1, 364, 1, 364, 1, 364, 1, 364, 1, 364, 1, 364, 1, 364,
        1, 364, 1, 364, 1, 364, 1, 364, 1, 364, 1, 364, 1, 364, 1, 364, 1, 365, 1, 365, 1, 365,
        1, 365, 1, 365, 1, 365, 1, 365, 1, 365, 1, 365, 1, 365, 1, 365, 1, 365, 1, 366, 1, 366,
        1, 366, 1, 366, 1, 366, 1, 366, 1, 366, 1, 367, 1, 367, 1, 367, 1, 367, 1, 367, 1, 368,
        1, 368, 1, 368, 1, 368, 1, 368, 1, 369, 1, 369, 1, 369, 1, 369, 1, 369, 1, 370, 1, 370,
        1, 370, 1, 370, 1, 370, 1, 370, 1, 371, 1, 371, 1, 371, 1, 371, 1, 371, 1, 372, 1, 372,
        1, 372, 1, 372, 1, 372, 1, 372, 1, 372, 1, 372, 1, 373, 1, 373, 1, 373, 1, 373, 1, 373,
        1, 373, 1, 374, 1, 374, 1, 374, 1, 374, 1, 375, 1, 375, 1, 375, 1, 375, 1, 375, 1, 375,
        1, 376, 1, 376, 1, 376, 1, 376, 1, 376, 1, 377, 1, 377, 1, 377, 1, 377, 1, 377, 1, 377,
        1, 378, 1, 378, 5, 378, 3506, 8, 378, 10, 378, 12, 378, 3509, 9, 378, 1, 379, 4, 379,
        3512, 8, 379, 11, 379, 12, 379, 3513, 1, 380, 1, 380, 1, 380, 1, 380, 1, 380, 1, 381,
        1, 381, 1, 381, 1, 381, 1, 381, 1, 382, 1, 382, 1, 383, 1, 383, 1, 384, 1, 384, 1, 385,
        1, 385, 1, 386, 1, 386, 3, 386, 3536, 8, 386, 1, 387, 1, 387, 1, 388, 1, 388, 1, 389,
        1, 389, 1, 390, 1, 390, 1, 391, 1, 391, 1, 392, 1, 392, 1, 393, 1, 393, 1, 394, 1, 394,
        1, 395, 1, 395, 1, 396, 1, 396, 1, 397, 1, 397, 1, 398, 1, 398, 1, 399, 1, 399, 1, 400,
        1, 400, 1, 401, 1, 401, 1, 402, 1, 402, 1, 403, 1, 403, 1, 404, 1, 404, 1, 405, 1, 405,
        1, 406, 1, 406, 1, 407, 1, 407, 1, 408, 1, 408, 1, 409, 1, 409, 1, 410, 1, 410, 1, 411,
        1, 411, 1, 412, 1, 412, 1, 413, 1, 413, 1, 414, 1, 414, 1, 415, 1, 415, 1, 416, 1, 416,
        1, 417, 1, 417, 1, 418, 1, 418, 1, 419, 1, 419, 1, 420, 1, 420, 1, 421, 1, 421, 1, 422,
        1, 422, 1, 423, 1, 423, 1, 424, 1, 424, 1, 425, 1, 425, 1, 425, 1, 425, 1, 426, 1, 426,
        1, 426, 1, 426, 1, 427, 1, 427, 4, 427, 3624, 8, 427, 11, 427, 12, 427, 3625, 1, 428,
        1, 428, 1, 429, 1, 429, 1, 429, 1, 429, 1, 430, 1, 430, 1, 430, 1, 430, 1, 431, 1, 431,
        4, 431, 3640, 8, 431, 11, 431, 12, 431, 3641, 1, 432, 1, 432, 1, 1007, 0, 433, 3, 1,
        5, 2, 7, 3, 9, 4, 11, 5, 13, 6, 15, 7, 17, 8, 19, 9, 21, 10, 23, 11, 25, 12, 27, 13, 29,
        14, 31, 15, 33, 16, 35, 17, 37, 18, 39, 19, 41, 20, 43, 21, 45, 0, 47, 0, 49, 22, 51,
        23, 53, 24, 55, 25, 57, 0, 59, 26, 61, 27, 63, 28, 65, 29, 67, 30, 69, 31, 71, 32, 73,
        33, 75, 34, 77, 35, 79, 36, 81, 37, 83, 38, 85, 39, 87, 40, 89, 41, 91, 42, 93, 43, 95,
        44, 97, 45, 99, 46, 101, 47, 103, 48, 105, 49, 107, 50, 109, 51, 111, 52, 113, 53,
        115, 54, 117, 55, 119, 56, 121, 57, 123, 58, 125, 59, 127, 60, 129, 61, 131, 62, 133,
        63, 135, 64, 137, 65, 139, 66, 141, 67, 143, 68, 145, 69, 147, 70, 149, 71, 151, 72,
        153, 73, 155, 74, 157, 75, 159, 76, 161, 77, 163, 78, 165, 79, 167, 80, 169, 81, 171,
        82, 173, 83, 175, 84, 177, 85, 179, 86, 181, 87, 183, 88, 185, 89, 187, 90, 189, 91,
        191, 92, 193, 93, 195, 94, 197, 95, 199, 96, 201, 97, 203, 98, 205, 99, 207, 100,
        209, 101, 211, 102, 213, 103, 215, 104, 217, 105, 219, 106, 221, 107, 223, 108,
        225, 109, 227, 110, 229, 111, 231, 112, 233, 113, 235, 114, 237, 115, 239, 116,
        241, 117, 243, 118, 245, 119, 247, 120, 249, 121, 251, 122, 253, 123, 255, 124,
        257, 125, 259, 126, 261, 127, 263, 128, 265, 129, 267, 130, 269, 131, 271, 132,
        273, 133, 275, 134, 277, 135, 279, 136, 281, 137, 283, 138, 285, 139, 287, 140,
        289, 141, 291, 142, 293, 143, 295, 144, 297, 145, 299, 146, 301, 147, 303, 148,
        305, 149, 307, 150, 309, 151, 311, 152, 313, 153, 315, 154, 317, 155, 319, 156,
        321, 157, 323, 158, 325, 159, 327, 160, 329, 161, 331, 162, 333, 163, 335, 164,
        337, 165, 339, 166, 341, 167, 343, 168, 345, 169, 347, 170, 349, 171, 351, 172,
        353, 173, 355, 174, 357, 175, 359, 176, 361, 177, 363, 178, 365, 179, 367, 180,
        369, 181, 371, 182, 373, 183, 375, 184, 377, 185, 379, 186, 381, 187, 383, 188,
        385, 189, 387, 190, 389, 191, 391, 192, 393, 193, 395, 194, 397, 195, 399, 196,
        401, 197, 403, 198, 405, 199, 407, 200, 409, 201, 411, 202, 413, 203, 415, 204,
        417, 205, 419, 206, 421, 207, 423, 208, 425, 209, 427, 210, 429, 211, 431, 212,
        433, 213, 435, 214, 437, 215, 439, 216, 441, 217, 443, 218, 445, 219, 447, 220,
        449, 221, 451, 222, 453, 223, 455, 224, 457, 225, 459, 226, 461, 227, 463, 228,
        465, 229, 467, 230, 469, 231, 471, 232, 473, 233, 475, 234, 477, 235, 479, 236,
        481, 237, 483, 238, 485, 239, 487, 240, 489, 241, 491, 242, 493, 243, 495, 244,
        497, 245, 499, 246, 501, 247, 503, 248, 505, 249, 507, 250, 509, 251, 511, 252,
        513, 253, 515, 254, 517, 255, 519, 256, 521, 257, 523, 258, 525, 259, 527, 260,
        529, 261, 531, 262, 533, 263, 535, 264, 537, 265, 539, 266, 541, 267, 543, 268,
        545, 269, 547, 270, 549, 271, 551, 272, 553, 273, 555, 274, 557, 275, 559, 276,
        561, 277, 563, 278, 565, 279, 567, 280, 569, 281, 571, 282, 573, 283, 575, 284,
        577, 285, 579, 286, 581, 287, 583, 288, 585, 289, 587, 290, 589, 291, 591, 292,
        593, 293, 595, 294, 597, 295, 599, 296, 601, 297, 603, 298, 605, 299, 607, 300,
        609, 301, 611, 302, 613, 303, 615, 304, 617, 305, 619, 306, 621, 307, 623, 308,
        625, 309, 627, 310, 629, 311, 631, 312, 633, 313, 635, 314, 637, 315, 639, 316,
        641, 317, 643, 318, 645, 319, 647, 320, 649, 321, 651, 322, 653, 323, 655, 324,
        657, 325, 659, 326, 661, 327, 663, 328, 665, 329, 667, 330, 669, 331, 671, 332,
        673, 333, 675, 334, 677, 335, 679, 336, 681, 337, 683, 338, 685, 339, 687, 340,
        689, 341, 691, 342, 693, 343, 695, 344, 697, 345, 699, 346, 701, 347, 703, 348,
        705, 349, 707, 350, 709, 351, 711, 352, 713, 353, 715, 354, 717, 355, 719, 356,
        721, 357, 723, 358, 725, 359, 727, 360, 729, 361, 731, 362, 733, 363, 735, 364,
        737, 365, 739, 366, 741, 367, 743, 368, 745, 369, 747, 370, 749, 371, 751, 372,
        753, 373, 755, 374, 757, 375, 759, 376, 761, 377, 763, 378, 765, 379, 767, 380,
        769, 381, 771, 382, 773, 0, 775, 0, 777, 0, 779, 0, 781, 0, 783, 0, 785, 0, 787, 0,
        789, 0, 791, 0, 793, 0, 795, 0, 797, 0, 799, 0, 801, 0, 803, 0, 805, 0, 807, 0, 809,
        0, 811, 0, 813, 0, 815, 0, 817, 0, 819, 0, 821, 0, 823, 0, 825, 0, 827, 0, 829, 0, 831,
        0, 833, 0, 835, 0, 837, 0, 839, 0, 841, 0, 843, 0, 845, 0, 847, 0, 849, 0, 851, 383,
        853, 384, 855, 385, 857, 386, 859, 387, 861, 388, 863, 389, 865, 390, 867, 391,
        3, 0, 1, 2, 54, 10, 0, 9, 13, 28, 32, 133, 133, 160, 160, 5760, 5760, 8192, 8202, 8232,
        8233, 8239, 8239, 8287, 8287, 12288, 12288, 2, 0, 10, 10, 13, 13, 1, 0, 48, 57, 1,
        0, 49, 57, 2, 0, 69, 69, 101, 101, 2, 0, 43, 43, 45, 45, 2, 0, 39, 39, 92, 92, 2, 0, 34,
        34, 92, 92, 1, 0, 96, 96, 2, 0, 83, 83, 115, 115, 6, 0, 45, 45, 173, 173, 8208, 8213,
        65112, 65112, 65123, 65123, 65293, 65293, 4, 0, 10216, 10216, 12296, 12296,
        65124, 65124, 65308, 65308, 4, 0, 10217, 10217, 12297, 12297, 65125, 65125,
        65310, 65310, 386, 0, 65, 90, 95, 95, 97, 122, 170, 170, 181, 181, 186, 186, 192,
        214, 216, 246, 248, 705, 710, 721, 736, 740, 748, 748, 750, 750, 880, 884, 886,
        887, 890, 893, 895, 895, 902, 902, 904, 906, 908, 908, 910, 929, 931, 1013, 1015,
        1153, 1162, 1327, 1329, 1366, 1369, 1369, 1376, 1416, 1488, 1514, 1519, 1522,
        1568, 1610, 1646, 1647, 1649, 1747, 1749, 1749, 1765, 1766, 1774, 1775, 1786,
        1788, 1791, 1791, 1808, 1808, 1810, 1839, 1869, 1957, 1969, 1969, 1994, 2026,
        2036, 2037, 2042, 2042, 2048, 2069, 2074, 2074, 2084, 2084, 2088, 2088, 2112,
        2136, 2144, 2154, 2208, 2228, 2230, 2247, 2308, 2361, 2365, 2365, 2384, 2384,
        2392, 2401, 2417, 2432, 2437, 2444, 2447, 2448, 2451, 2472, 2474, 2480, 2482,
        2482, 2486, 2489, 2493, 2493, 2510, 2510, 2524, 2525, 2527, 2529, 2544, 2545,
        2556, 2556, 2565, 2570, 2575, 2576, 2579, 2600, 2602, 2608, 2610, 2611, 2613,
        2614, 2616, 2617, 2649, 2652, 2654, 2654, 2674, 2676, 2693, 2701, 2703, 2705,
        2707, 2728, 2730, 2736, 2738, 2739, 2741, 2745, 2749, 2749, 2768, 2768, 2784,
        2785, 2809, 2809, 2821, 2828, 2831, 2832, 2835, 2856, 2858, 2864, 2866, 2867,
        2869, 2873, 2877, 2877, 2908, 2909, 2911, 2913, 2929, 2929, 2947, 2947, 2949,
        2954, 2958, 2960, 2962, 2965, 2969, 2970, 2972, 2972, 2974, 2975, 2979, 2980,
        2984, 2986, 2990, 3001, 3024, 3024, 3077, 3084, 3086, 3088, 3090, 3112, 3114,
        3129, 3133, 3133, 3160, 3162, 3168, 3169, 3200, 3200, 3205, 3212, 3214, 3216,
        3218, 3240, 3242, 3251, 3253, 3257, 3261, 3261, 3294, 3294, 3296, 3297, 3313,
        3314, 3332, 3340, 3342, 3344, 3346, 3386, 3389, 3389, 3406, 3406, 3412, 3414,
        3423, 3425, 3450, 3455, 3461, 3478, 3482, 3505, 3507, 3515, 3517, 3517, 3520,
        3526, 3585, 3632, 3634, 3635, 3648, 3654, 3713, 3714, 3716, 3716, 3718, 3722,
        3724, 3747, 3749, 3749, 3751, 3760, 3762, 3763, 3773, 3773, 3776, 3780, 3782,
        3782, 3804, 3807, 3840, 3840, 3904, 3911, 3913, 3948, 3976, 3980, 4096, 4138,
        4159, 4159, 4176, 4181, 4186, 4189, 4193, 4193, 4197, 4198, 4206, 4208, 4213,
        4225, 4238, 4238, 4256, 4293, 4295, 4295, 4301, 4301, 4304, 4346, 4348, 4680,
        4682, 4685, 4688, 4694, 4696, 4696, 4698, 4701, 4704, 4744, 4746, 4749, 4752,
        4784, 4786, 4789, 4792, 4798, 4800, 4800, 4802, 4805, 4808, 4822, 4824, 4880,
        4882, 4885, 4888, 4954, 4992, 5007, 5024, 5109, 5112, 5117, 5121, 5740, 5743,
        5759, 5761, 5786, 5792, 5866, 5870, 5880, 5888, 5900, 5902, 5905, 5920, 5937,
        5952, 5969, 5984, 5996, 5998, 6000, 6016, 6067, 6103, 6103, 6108, 6108, 6176,
        6264, 6272, 6276, 6279, 6312, 6314, 6314, 6320, 6389, 6400, 6430, 6480, 6509,
        6512, 6516, 6528, 6571, 6576, 6601, 6656, 6678, 6688, 6740, 6823, 6823, 6917,
        6963, 6981, 6987, 7043, 7072, 7086, 7087, 7098, 7141, 7168, 7203, 7245, 7247,
        7258, 7293, 7296, 7304, 7312, 7354, 7357, 7359, 7401, 7404, 7406, 7411, 7413,
        7414, 7418, 7418, 7424, 7615, 7680, 7957, 7960, 7965, 7968, 8005, 8008, 8013,
        8016, 8023, 8025, 8025, 8027, 8027, 8029, 8029, 8031, 8061, 8064, 8116, 8118,
        8124, 8126, 8126, 8130, 8132, 8134, 8140, 8144, 8147, 8150, 8155, 8160, 8172,
        8178, 8180, 8182, 8188, 8255, 8256, 8276, 8276, 8305, 8305, 8319, 8319, 8336,
        8348, 8450, 8450, 8455, 8455, 8458, 8467, 8469, 8469, 8473, 8477, 8484, 8484,
        8486, 8486, 8488, 8488, 8490, 8493, 8495, 8505, 8508, 8511, 8517, 8521, 8526,
        8526, 8544, 8584, 11264, 11310, 11312, 11358, 11360, 11492, 11499, 11502, 11506,
        11507, 11520, 11557, 11559, 11559, 11565, 11565, 11568, 11623, 11631, 11631,
        11648, 11670, 11680, 11686, 11688, 11694, 11696, 11702, 11704, 11710, 11712,
        11718, 11720, 11726, 11728, 11734, 11736, 11742, 12293, 12295, 12321, 12329,
        12337, 12341, 12344, 12348, 12353, 12438, 12445, 12447, 12449, 12538, 12540,
        12543, 12549, 12591, 12593, 12686, 12704, 12735, 12784, 12799, 13312, 19903,
        19968, 40956, 40960, 42124, 42192, 42237, 42240, 42508, 42512, 42527, 42538,
        42539, 42560, 42606, 42623, 42653, 42656, 42735, 42775, 42783, 42786, 42888,
        42891, 42943, 42946, 42954, 42997, 43009, 43011, 43013, 43015, 43018, 43020,
        43042, 43072, 43123, 43138, 43187, 43250, 43255, 43259, 43259, 43261, 43262,
        43274, 43301, 43312, 43334, 43360, 43388, 43396, 43442, 43471, 43471, 43488,
        43492, 43494, 43503, 43514, 43518, 43520, 43560, 43584, 43586, 43588, 43595,
        43616, 43638, 43642, 43642, 43646, 43695, 43697, 43697, 43701, 43702, 43705,
        43709, 43712, 43712, 43714, 43714, 43739, 43741, 43744, 43754, 43762, 43764,
        43777, 43782, 43785, 43790, 43793, 43798, 43808, 43814, 43816, 43822, 43824,
        43866, 43868, 43881, 43888, 44002, 44032, 55203, 55216, 55238, 55243, 55291,
        63744, 64109, 64112, 64217, 64256, 64262, 64275, 64279, 64285, 64285, 64287,
        64296, 64298, 64310, 64312, 64316, 64318, 64318, 64320, 64321, 64323, 64324,
        64326, 64433, 64467, 64829, 64848, 64911, 64914, 64967, 65008, 65019, 65075,
        65076, 65101, 65103, 65136, 65140, 65142, 65276, 65313, 65338, 65343, 65343,
        65345, 65370, 65382, 65470, 65474, 65479, 65482, 65487, 65490, 65495, 65498,
        65500, 236, 0, 48, 57, 768, 879, 1155, 1159, 1423, 1423, 1425, 1469, 1471, 1471,
        1473, 1474, 1476, 1477, 1479, 1479, 1547, 1547, 1552, 1562, 1611, 1641, 1648,
        1648, 1750, 1756, 1759, 1764, 1767, 1768, 1770, 1773, 1776, 1785, 1809, 1809,
        1840, 1866, 1958, 1968, 1984, 1993, 2027, 2035, 2045, 2047, 2070, 2073, 2075,
        2083, 2085, 2087, 2089, 2093, 2137, 2139, 2259, 2273, 2275, 2307, 2362, 2364,
        2366, 2383, 2385, 2391, 2402, 2403, 2406, 2415, 2433, 2435, 2492, 2492, 2494,
        2500, 2503, 2504, 2507, 2509, 2519, 2519, 2530, 2531, 2534, 2543, 2546, 2547,
        2555, 2555, 2558, 2558, 2561, 2563, 2620, 2620, 2622, 2626, 2631, 2632, 2635,
        2637, 2641, 2641, 2662, 2673, 2677, 2677, 2689, 2691, 2748, 2748, 2750, 2757,
        2759, 2761, 2763, 2765, 2786, 2787, 2790, 2799, 2801, 2801, 2810, 2815, 2817,
        2819, 2876, 2876, 2878, 2884, 2887, 2888, 2891, 2893, 2901, 2903, 2914, 2915,
        2918, 2927, 2946, 2946, 3006, 3010, 3014, 3016, 3018, 3021, 3031, 3031, 3046,
        3055, 3065, 3065, 3072, 3076, 3134, 3140, 3142, 3144, 3146, 3149, 3157, 3158,
        3170, 3171, 3174, 3183, 3201, 3203, 3260, 3260, 3262, 3268, 3270, 3272, 3274,
        3277, 3285, 3286, 3298, 3299, 3302, 3311, 3328, 3331, 3387, 3388, 3390, 3396,
        3398, 3400, 3402, 3405, 3415, 3415, 3426, 3427, 3430, 3439, 3457, 3459, 3530,
        3530, 3535, 3540, 3542, 3542, 3544, 3551, 3558, 3567, 3570, 3571, 3633, 3633,
        3636, 3642, 3647, 3647, 3655, 3662, 3664, 3673, 3761, 3761, 3764, 3772, 3784,
        3789, 3792, 3801, 3864, 3865, 3872, 3881, 3893, 3893, 3895, 3895, 3897, 3897,
        3902, 3903, 3953, 3972, 3974, 3975, 3981, 3991, 3993, 4028, 4038, 4038, 4139,
        4158, 4160, 4169, 4182, 4185, 4190, 4192, 4194, 4196, 4199, 4205, 4209, 4212,
        4226, 4237, 4239, 4253, 4957, 4959, 5906, 5908, 5938, 5940, 5970, 5971, 6002,
        6003, 6068, 6099, 6107, 6107, 6109, 6109, 6112, 6121, 6155, 6157, 6160, 6169,
        6277, 6278, 6313, 6313, 6432, 6443, 6448, 6459, 6470, 6479, 6608, 6617, 6679,
        6683, 6741, 6750, 6752, 6780, 6783, 6793, 6800, 6809, 6832, 6845, 6847, 6848,
        6912, 6916, 6964, 6980, 6992, 7001, 7019, 7027, 7040, 7042, 7073, 7085, 7088,
        7097, 7142, 7155, 7204, 7223, 7232, 7241, 7248, 7257, 7376, 7378, 7380, 7400,
        7405, 7405, 7412, 7412, 7415, 7417, 7616, 7673, 7675, 7679, 8352, 8383, 8400,
        8412, 8417, 8417, 8421, 8432, 11503, 11505, 11647, 11647, 11744, 11775, 12330,
        12335, 12441, 12442, 42528, 42537, 42607, 42607, 42612, 42621, 42654, 42655,
        42736, 42737, 43010, 43010, 43014, 43014, 43019, 43019, 43043, 43047, 43052,
        43052, 43064, 43064, 43136, 43137, 43188, 43205, 43216, 43225, 43232, 43249,
        43263, 43273, 43302, 43309, 43335, 43347, 43392, 43395, 43443, 43456, 43472,
        43481, 43493, 43493, 43504, 43513, 43561, 43574, 43587, 43587, 43596, 43597,
        43600, 43609, 43643, 43645, 43696, 43696, 43698, 43700, 43703, 43704, 43710,
        43711, 43713, 43713, 43755, 43759, 43765, 43766, 44003, 44010, 44012, 44013,
        44016, 44025, 64286, 64286, 65020, 65020, 65024, 65039, 65056, 65071, 65129,
        65129, 65284, 65284, 65296, 65305, 65504, 65505, 65509, 65510, 2, 0, 65, 65,
        97, 97, 2, 0, 66, 66, 98, 98, 2, 0, 67, 67, 99, 99, 2, 0, 68, 68, 100, 100, 2, 0, 70, 70,
        102, 102, 2, 0, 71, 71, 103, 103, 2, 0, 72, 72, 104, 104, 2, 0, 73, 73, 105, 105, 2,
        0, 74, 74, 106, 106, 2, 0, 75, 75, 107, 107, 2, 0, 76, 76, 108, 108, 2, 0, 77, 77, 109,
        109, 2, 0, 78, 78, 110, 110, 2, 0, 79, 79, 111, 111, 2, 0, 80, 80, 112, 112, 2, 0, 81,
        81, 113, 113, 2, 0, 82, 82, 114, 114, 2, 0, 84, 84, 116, 116, 2, 0, 85, 85, 117, 117,
        2, 0, 86, 86, 118, 118, 2, 0, 87, 87, 119, 119, 2, 0, 88, 88, 120, 120, 2, 0, 89, 89,
        121, 121, 2, 0, 90, 90, 122, 122, 1, 0, 48, 48, 1, 0, 49, 49, 1, 0, 50, 50, 1, 0, 51, 51,
        1, 0, 52, 52, 1, 0, 53, 53, 2, 0, 49, 49, 54, 54, 1, 0, 55, 55, 1, 0, 56, 56, 1, 0, 57, 57,
        1, 0, 95, 95, 1, 0, 123, 123, 4, 0, 39, 39, 92, 92, 123, 123, 125, 125, 1, 0, 125, 125,
        4, 0, 34, 34, 92, 92, 123, 123, 125, 125, 3636, 0, 3, 1, 0, 0, 0, 0, 5, 1, 0, 0, 0, 0, 7,
        1, 0, 0, 0, 0, 9, 1, 0, 0, 0, 0, 11, 1, 0, 0, 0, 0, 13, 1, 0, 0, 0, 0, 15, 1, 0, 0, 0, 0, 17,
        1, 0, 0, 0, 0, 19, 1, 0, 0, 0, 0, 21, 1, 0, 0, 0, 0, 23, 1, 0, 0, 0, 0, 25, 1, 0, 0, 0, 0, 27,
        1, 0, 0, 0, 0, 29, 1, 0, 0, 0, 0, 31, 1, 0, 0, 0, 0, 33, 1, 0, 0, 0, 0, 35, 1, 0, 0, 0, 0, 37,
        1, 0, 0, 0, 0, 39, 1, 0, 0, 0, 0, 41, 1, 0, 0, 0, 0, 43, 1, 0, 0, 0, 0, 49, 1, 0, 0, 0, 0, 51,
        1, 0, 0, 0, 0, 53, 1, 0, 0, 0, 0, 55, 1, 0, 0, 0, 0, 59, 1, 0, 0, 0, 0, 61, 1, 0, 0, 0, 0, 63,
        1, 0, 0, 0, 0, 65, 1, 0, 0, 0, 0, 67, 1, 0, 0, 0, 0, 69, 1, 0, 0, 0, 0, 71, 1, 0, 0, 0, 0, 73,
        1, 0, 0, 0, 0, 75, 1, 0, 0, 0, 0, 77, 1, 0, 0, 0, 0, 79, 1, 0, 0, 0, 0, 81, 1, 0, 0, 0, 0, 83,
        1, 0, 0, 0, 0, 85, 1, 0, 0, 0, 0, 87, 1, 0, 0, 0, 0, 89, 1, 0, 0, 0, 0, 91, 1, 0, 0, 0, 0, 93,
        1, 0, 0, 0, 0, 95, 1, 0, 0, 0, 0, 97, 1, 0, 0, 0, 0, 99, 1, 0, 0, 0, 0, 101, 1, 0, 0, 0, 0, 103,
        1, 0, 0, 0, 0, 105, 1, 0, 0, 0, 0, 107, 1, 0, 0, 0, 0, 109, 1, 0, 0, 0, 0, 111, 1, 0, 0, 0,
        0, 113, 1, 0, 0, 0, 0, 115, 1, 0, 0, 0, 0, 117, 1, 0, 0, 0, 0, 119, 1, 0, 0, 0, 0, 121, 1,
        0, 0, 0, 0, 123, 1, 0, 0, 0, 0, 125, 1, 0, 0, 0, 0, 127, 1, 0, 0, 0, 0, 129, 1, 0, 0, 0, 0,
        131, 1, 0, 0, 0, 0, 133, 1, 0, 0, 0, 0, 135, 1, 0, 0, 0, 0, 137, 1, 0, 0, 0, 0, 139, 1, 0,
        0, 0, 0, 141, 1, 0, 0, 0, 0, 143, 1, 0, 0, 0, 0, 145, 1, 0, 0, 0, 0, 147, 1, 0, 0, 0, 0, 149,
        1, 0, 0, 0, 0, 151, 1, 0, 0, 0, 0, 153, 1, 0, 0, 0, 0, 155, 1, 0, 0, 0, 0, 157, 1, 0, 0, 0,
        0, 159, 1, 0, 0, 0, 0, 161, 1, 0, 0, 0, 0, 163, 1, 0, 0, 0, 0, 165, 1, 0, 0, 0, 0, 167, 1,
        0, 0, 0, 0, 169, 1, 0, 0, 0, 0, 171, 1, 0, 0, 0, 0, 173, 1, 0, 0, 0, 0, 175, 1, 0, 0, 0, 0,
        177, 1, 0, 0, 0, 0, 179, 1, 0, 0, 0, 0, 181, 1, 0, 0, 0, 0, 183, 1, 0, 0, 0, 0, 185, 1, 0,
        0, 0, 0, 187, 1, 0, 0, 0, 0, 189, 1, 0, 0, 0, 0, 191, 1, 0, 0, 0, 0, 193, 1, 0, 0, 0, 0, 195,
        1, 0, 0, 0, 0, 197, 1, 0, 0, 0, 0, 199, 1, 0, 0, 0, 0, 201, 1, 0, 0, 0, 0, 203, 1, 0, 0, 0,
        0, 205, 1, 0, 0, 0, 0, 207, 1, 0, 0, 0, 0, 209, 1, 0, 0, 0, 0, 211, 1, 0, 0, 0, 0, 213, 1,
        0, 0, 0, 0, 215, 1, 0, 0, 0, 0, 217, 1, 0, 0, 0, 0, 219, 1, 0, 0, 0, 0, 221, 1, 0, 0, 0, 0,
        223, 1, 0, 0, 0, 0, 225, 1, 0, 0, 0, 0, 227, 1, 0, 0, 0, 0, 229, 1, 0, 0, 0, 0, 231, 1, 0,
        0, 0, 0, 233, 1, 0, 0, 0, 0, 235, 1, 0, 0, 0, 0, 237, 1, 0, 0, 0, 0, 239, 1, 0, 0, 0, 0, 241,
        1, 0, 0, 0, 0, 243, 1, 0, 0, 0, 0, 245, 1, 0, 0, 0, 0, 247, 1, 0, 0, 0, 0, 249, 1, 0, 0, 0,
        0, 251, 1, 0, 0, 0, 0, 253, 1, 0, 0, 0, 0, 255, 1, 0, 0, 0, 0, 257, 1, 0, 0, 0, 0, 259, 1,
        0, 0, 0, 0, 261, 1, 0, 0, 0, 0, 263, 1, 0, 0, 0, 0, 265, 1, 0, 0, 0, 0, 267, 1, 0, 0, 0, 0,
        269, 1, 0, 0, 0, 0, 271, 1, 0, 0, 0, 0, 273, 1, 0, 0, 0, 0, 275, 1, 0, 0, 0, 0, 277, 1, 0,
        0, 0, 0, 279, 1, 0, 0, 0, 0, 281, 1, 0, 0, 0, 0, 283, 1, 0, 0, 0, 0, 285, 1, 0, 0, 0, 0, 287,
        1, 0, 0, 0, 0, 289, 1, 0, 0, 0, 0, 291, 1, 0, 0, 0, 0, 293, 1, 0, 0, 0, 0, 295, 1, 0, 0, 0,
        0, 297, 1, 0, 0, 0, 0, 299, 1, 0, 0, 0, 0, 301, 1, 0, 0, 0, 0, 303, 1, 0, 0, 0, 0, 305, 1,
        0, 0, 0, 0, 307, 1, 0, 0, 0, 0, 309, 1, 0, 0, 0, 0, 311, 1, 0, 0, 0, 0, 313, 1, 0, 0, 0, 0,
        315, 1, 0, 0, 0, 0, 317, 1, 0, 0, 0, 0, 319, 1, 0, 0, 0, 0, 321, 1, 0, 0, 0, 0, 323, 1, 0,
        0, 0, 0, 325, 1, 0, 0, 0, 0, 327, 1, 0, 0, 0, 0, 329, 1, 0, 0, 0, 0, 331, 1, 0, 0, 0, 0, 333,
        1, 0, 0, 0, 0, 335, 1, 0, 0, 0, 0, 337, 1, 0, 0, 0, 0, 339, 1, 0, 0, 0, 0, 341, 1, 0, 0, 0,
        0, 343, 1, 0, 0, 0, 0, 345, 1, 0, 0, 0, 0, 347, 1, 0, 0, 0, 0, 349, 1, 0, 0, 0, 0, 351, 1,
        0, 0, 0, 0, 353, 1, 0, 0, 0, 0, 355, 1, 0, 0, 0, 0, 357, 1, 0, 0, 0, 0, 359, 1, 0, 0, 0, 0,
        361, 1, 0, 0, 0, 0, 363, 1, 0, 0, 0, 0, 365, 1, 0, 0, 0, 0, 367, 1, 0, 0, 0, 0, 369, 1, 0,
        0, 0, 0, 371, 1, 0, 0, 0, 0, 373, 1, 0, 0, 0, 0, 375, 1, 0, 0, 0, 0, 377, 1, 0, 0, 0, 0, 379,
        1, 0, 0, 0, 0, 381, 1, 0, 0, 0, 0, 383, 1, 0, 0, 0, 0, 385, 1, 0, 0, 0, 0, 387, 1, 0, 0, 0,
        0, 389, 1, 0, 0, 0, 0, 391, 1, 0, 0, 0, 0, 393, 1, 0, 0, 0, 0, 395, 1, 0, 0, 0, 0, 397, 1,
        0, 0, 0, 0, 399, 1, 0, 0, 0, 0, 401, 1, 0, 0, 0, 0, 403, 1, 0, 0, 0, 0, 405, 1, 0, 0, 0, 0,
        407, 1, 0, 0, 0, 0, 409, 1, 0, 0, 0, 0, 411, 1, 0, 0, 0, 0, 413, 1, 0, 0, 0, 0, 415, 1, 0,
        0, 0, 0, 417, 1, 0, 0, 0, 0, 419, 1, 0, 0, 0, 0, 421, 1, 0, 0, 0, 0, 423, 1, 0, 0, 0, 0, 425,
        1, 0, 0, 0, 0, 427, 1, 0, 0, 0, 0, 429, 1, 0, 0, 0, 0, 431, 1, 0, 0, 0, 0, 433, 1, 0, 0, 0,
        0, 435, 1, 0, 0, 0, 0, 437, 1, 0, 0, 0, 0, 439, 1, 0, 0, 0, 0, 441, 1, 0, 0, 0, 0, 443, 1,
        0, 0, 0, 0, 445, 1, 0, 0, 0, 0, 447, 1, 0, 0, 0, 0, 449, 1, 0, 0, 0, 0, 451, 1, 0, 0, 0, 0,
        453, 1, 0, 0, 0, 0, 455, 1, 0, 0, 0, 0, 457, 1, 0, 0, 0, 0, 459, 1, 0, 0, 0, 0, 461, 1, 0,
        0, 0, 0, 463, 1, 0, 0, 0, 0, 465, 1, 0, 0, 0, 0, 467, 1, 0, 0, 0, 0, 469, 1, 0, 0, 0, 0, 471,
        1, 0, 0, 0, 0, 473, 1, 0, 0, 0, 0, 475, 1, 0, 0, 0, 0, 477, 1, 0, 0, 0, 0, 479, 1, 0, 0, 0,
        0, 481, 1, 0, 0, 0, 0, 483, 1, 0, 0, 0, 0, 485, 1, 0, 0, 0, 0, 487, 1, 0, 0, 0, 0, 489, 1,
        0, 0, 0, 0, 491, 1, 0, 0, 0, 0, 493, 1, 0, 0, 0, 0, 495, 1, 0, 0, 0, 0, 497, 1, 0, 0, 0, 0,
        499, 1, 0, 0, 0, 0, 501, 1, 0, 0, 0, 0, 503, 1, 0, 0, 0, 0, 505, 1, 0, 0, 0, 0, 507, 1, 0,
        0, 0, 0, 509, 1, 0, 0, 0, 0, 511, 1, 0, 0, 0, 0, 513, 1, 0, 0, 0, 0, 515, 1, 0, 0, 0, 0, 517,
        1, 0, 0, 0, 0, 519, 1, 0, 0, 0, 0, 521, 1, 0, 0, 0, 0, 523, 1, 0, 0, 0, 0, 525, 1, 0, 0, 0,
        0, 527, 1, 0, 0, 0, 0, 529, 1, 0, 0, 0, 0, 531, 1, 0, 0, 0, 0, 533, 1, 0, 0, 0, 0, 535, 1,
        0, 0, 0, 0, 537, 1, 0, 0, 0, 0, 539, 1, 0, 0, 0, 0, 541, 1, 0, 0, 0, 0, 543, 1, 0, 0, 0, 0,
        545, 1, 0, 0, 0, 0, 547, 1, 0, 0, 0, 0, 549, 1, 0, 0, 0, 0, 551, 1, 0, 0, 0, 0, 553, 1, 0,
        0, 0, 0, 555, 1, 0, 0, 0, 0, 557, 1, 0, 0, 0, 0, 559, 1, 0, 0, 0, 0, 561, 1, 0, 0, 0, 0, 563,
        1, 0, 0, 0, 0, 565, 1, 0, 0, 0, 0, 567, 1, 0, 0, 0, 0, 569, 1, 0, 0, 0, 0, 571, 1, 0, 0, 0,
        0, 573, 1, 0, 0, 0, 0, 575, 1, 0, 0, 0, 0, 577, 1, 0, 0, 0, 0, 579, 1, 0, 0, 0, 0, 581, 1,
        0, 0, 0, 0, 583, 1, 0, 0, 0, 0, 585, 1, 0, 0, 0, 0, 587, 1, 0, 0, 0, 0, 589, 1, 0, 0, 0, 0,
        591, 1, 0, 0, 0, 0, 593, 1, 0, 0, 0, 0, 595, 1, 0, 0, 0, 0, 597, 1, 0, 0, 0, 0, 599, 1, 0,
        0, 0, 0, 601, 1, 0, 0, 0, 0, 603, 1, 0, 0, 0, 0, 605, 1, 0, 0, 0, 0, 607, 1, 0, 0, 0, 0, 609,
        1, 0, 0, 0, 0, 611, 1, 0, 0, 0, 0, 613, 1, 0, 0, 0, 0, 615, 1, 0, 0, 0, 0, 617, 1, 0, 0, 0,
        0, 619, 1, 0, 0, 0, 0, 621, 1, 0, 0, 0, 0, 623, 1, 0, 0, 0, 0, 625, 1, 0, 0, 0, 0, 627, 1,
        0, 0, 0, 0, 629, 1, 0, 0, 0, 0, 631, 1, 0, 0, 0, 0, 633, 1, 0, 0, 0, 0, 635, 1, 0, 0, 0, 0,
        637, 1, 0, 0, 0, 0, 639, 1, 0, 0, 0, 0, 641, 1, 0, 0, 0, 0, 643, 1, 0, 0, 0, 0, 645, 1, 0,
        0, 0, 0, 647, 1, 0, 0, 0, 0, 649, 1, 0, 0, 0, 0, 651, 1, 0, 0, 0, 0, 653, 1, 0, 0, 0, 0, 655,
        1, 0, 0, 0, 0, 657, 1, 0, 0, 0, 0, 659, 1, 0, 0, 0, 0, 661, 1, 0, 0, 0, 0, 663, 1, 0, 0, 0,
        0, 665, 1, 0, 0, 0, 0, 667, 1, 0, 0, 0, 0, 669, 1, 0, 0, 0, 0, 671, 1, 0, 0, 0, 0, 673, 1,
        0, 0, 0, 0, 675, 1, 0, 0, 0, 0, 677, 1, 0, 0, 0, 0, 679, 1, 0, 0, 0, 0, 681, 1, 0, 0, 0, 0,
        683, 1, 0, 0, 0, 0, 685, 1, 0, 0, 0, 0, 687, 1, 0, 0, 0, 0, 689, 1, 0, 0, 0, 0, 691, 1, 0,
        0, 0, 0, 693, 1, 0, 0, 0, 0, 695, 1, 0, 0, 0, 0, 697, 1, 0, 0, 0, 0, 699, 1, 0, 0, 0, 0, 701,
        1, 0, 0, 0, 0, 703, 1, 0, 0, 0, 0, 705, 1, 0, 0, 0, 0, 707, 1, 0, 0, 0, 0, 709, 1, 0, 0, 0,
        0, 711, 1, 0, 0, 0, 0, 713, 1, 0, 0, 0, 0, 715, 1, 0, 0, 0, 0, 717, 1, 0, 0, 0, 0, 719, 1,
        0, 0, 0, 0, 721, 1, 0, 0, 0, 0, 723, 1, 0, 0, 0, 0, 725, 1, 0, 0, 0, 0, 727, 1, 0, 0, 0, 0,
        729, 1, 0, 0, 0, 0, 731, 1, 0, 0, 0, 0, 733, 1, 0, 0, 0, 0, 735, 1, 0, 0, 0, 0, 737, 1, 0,
        0, 0, 0, 739, 1, 0, 0, 0, 0, 741, 1, 0, 0, 0, 0, 743, 1, 0, 0, 0, 0, 745, 1, 0, 0, 0, 0, 747,
        1, 0, 0, 0, 0, 749, 1, 0, 0, 0, 0, 751, 1, 0, 0, 0, 0, 753, 1, 0, 0, 0, 0, 755, 1, 0, 0, 0,
        0, 757, 1, 0, 0, 0, 0, 759, 1, 0, 0, 0, 0, 761, 1, 0, 0, 0, 0, 763, 1, 0, 0, 0, 0, 765, 1,
        0, 0, 0, 0, 767, 1, 0, 0, 0, 0, 769, 1, 0, 0, 0, 0, 771, 1, 0, 0, 0, 0, 851, 1, 0, 0, 0, 1,
        853, 1, 0, 0, 0, 1, 855, 1, 0, 0, 0, 1, 857, 1, 0, 0, 0, 1, 859, 1, 0, 0, 0, 2, 861, 1, 0,
        0, 0, 2, 863, 1, 0, 0, 0, 2, 865, 1, 0, 0, 0, 2, 867, 1, 0, 0, 0, 3, 869, 1, 0, 0, 0, 5, 877,
        1, 0, 0, 0, 7, 883, 1, 0, 0, 0, 9, 891, 1, 0, 0, 0, 11, 899, 1, 0, 0, 0, 13, 910, 1, 0, 0,
        0, 15, 918, 1, 0, 0, 0, 17, 926, 1, 0, 0, 0, 19, 932, 1, 0, 0, 0, 21, 938, 1, 0, 0, 0, 23,
        943, 1, 0, 0, 0, 25, 955, 1, 0, 0, 0, 27, 960, 1, 0, 0, 0, 29, 963, 1, 0, 0, 0, 31, 971,
        1, 0, 0, 0, 33, 979, 1, 0, 0, 0, 35, 986, 1, 0, 0, 0, 37, 990, 1, 0, 0, 0, 39, 1001, 1, 0,
        0, 0, 41, 1061, 1, 0, 0, 0, 43, 1077, 1, 0, 0, 0, 45, 1079, 1, 0, 0, 0, 47, 1095, 1, 0,
        0, 0, 49, 1099, 1, 0, 0, 0, 51, 1108, 1, 0, 0, 0, 53, 1117, 1, 0, 0, 0, 55, 1127, 1, 0,
        0, 0, 57, 1137, 1, 0, 0, 0, 59, 1140, 1, 0, 0, 0, 61, 1151, 1, 0, 0, 0, 63, 1158, 1, 0,
        0, 0, 65, 1165, 1, 0, 0, 0, 67, 1173, 1, 0, 0, 0, 69, 1177, 1, 0, 0, 0, 71, 1183, 1, 0,
        0, 0, 73, 1197, 1, 0, 0, 0, 75, 1203, 1, 0, 0, 0, 77, 1211, 1, 0, 0, 0, 79, 1228, 1, 0,
        0, 0, 81, 1232, 1, 0, 0, 0, 83, 1242, 1, 0, 0, 0, 85, 1248, 1, 0, 0, 0, 87, 1257, 1, 0,
        0, 0, 89, 1261, 1, 0, 0, 0, 91, 1265, 1, 0, 0, 0, 93, 1271, 1, 0, 0, 0, 95, 1274, 1, 0,
        0, 0, 97, 1278, 1, 0, 0, 0, 99, 1288, 1, 0, 0, 0, 101, 1295, 1, 0, 0, 0, 103, 1298, 1,
        0, 0, 0, 105, 1303, 1, 0, 0, 0, 107, 1308, 1, 0, 0, 0, 109, 1310, 1, 0, 0, 0, 111, 1319,
        1, 0, 0, 0, 113, 1324, 1, 0, 0, 0, 115, 1332, 1, 0, 0, 0, 117, 1340, 1, 0, 0, 0, 119, 1345,
        1, 0, 0, 0, 121, 1351, 1, 0, 0, 0, 123, 1357, 1, 0, 0, 0, 125, 1360, 1, 0, 0, 0, 127, 1365,
        1, 0, 0, 0, 129, 1373, 1, 0, 0, 0, 131, 1378, 1, 0, 0, 0, 133, 1385, 1, 0, 0, 0, 135, 1390,
        1, 0, 0, 0, 137, 1398, 1, 0, 0, 0, 139, 1400, 1, 0, 0, 0, 141, 1403, 1, 0, 0, 0, 143, 1405,
        1, 0, 0, 0, 145, 1413, 1, 0, 0, 0, 147, 1422, 1, 0, 0, 0, 149, 1432, 1, 0, 0, 0, 151, 1443,
        1, 0, 0, 0, 153, 1454, 1, 0, 0, 0, 155, 1466, 1, 0, 0, 0, 157, 1475, 1, 0, 0, 0, 159, 1480,
        1, 0, 0, 0, 161, 1490, 1, 0, 0, 0, 163, 1499, 1, 0, 0, 0, 165, 1506, 1, 0, 0, 0, 167, 1512,
        1, 0, 0, 0, 169, 1519, 1, 0, 0, 0, 171, 1530, 1, 0, 0, 0, 173, 1542, 1, 0, 0, 0, 175, 1546,
        1, 0, 0, 0, 177, 1554, 1, 0, 0, 0, 179, 1559, 1, 0, 0, 0, 181, 1568, 1, 0, 0, 0, 183, 1578,
        1, 0, 0, 0, 185, 1583, 1, 0, 0, 0, 187, 1592, 1, 0, 0, 0, 189, 1597, 1, 0, 0, 0, 191, 1608,
        1, 0, 0, 0, 193, 1616, 1, 0, 0, 0, 195, 1623, 1, 0, 0, 0, 197, 1631, 1, 0, 0, 0, 199, 1638,
        1, 0, 0, 0, 201, 1643, 1, 0, 0, 0, 203, 1648, 1, 0, 0, 0, 205, 1659, 1, 0, 0, 0, 207, 1667,
        1, 0, 0, 0, 209, 1674, 1, 0, 0, 0, 211, 1684, 1, 0, 0, 0, 213, 1686, 1, 0, 0, 0, 215, 1695,
        1, 0, 0, 0, 217, 1704, 1, 0, 0, 0, 219, 1706, 1, 0, 0, 0, 221, 1708, 1, 0, 0, 0, 223, 1712,
        1, 0, 0, 0, 225, 1715, 1, 0, 0, 0, 227, 1718, 1, 0, 0, 0, 229, 1725, 1, 0, 0, 0, 231, 1730,
        1, 0, 0, 0, 233, 1737, 1, 0, 0, 0, 235, 1742, 1, 0, 0, 0, 237, 1751, 1, 0, 0, 0, 239, 1756,
        1, 0, 0, 0, 241, 1761, 1, 0, 0, 0, 243, 1768, 1, 0, 0, 0, 245, 1776, 1, 0, 0, 0, 247, 1785,
        1, 0, 0, 0, 249, 1790, 1, 0, 0, 0, 251, 1798, 1, 0, 0, 0, 253, 1808, 1, 0, 0, 0, 255, 1818,
        1, 0, 0, 0, 257, 1836, 1, 0, 0, 0, 259, 1840, 1, 0, 0, 0, 261, 1845, 1, 0, 0, 0, 263, 1847,
        1, 0, 0, 0, 265, 1858, 1, 0, 0, 0, 267, 1866, 1, 0, 0, 0, 269, 1872, 1, 0, 0, 0, 271, 1882,
        1, 0, 0, 0, 273, 1889, 1, 0, 0, 0, 275, 1896, 1, 0, 0, 0, 277, 1902, 1, 0, 0, 0, 279, 1907,
        1, 0, 0, 0, 281, 1913, 1, 0, 0, 0, 283, 1929, 1, 0, 0, 0, 285, 1936, 1, 0, 0, 0, 287, 1943,
        1, 0, 0, 0, 289, 1949, 1, 0, 0, 0, 291, 1957, 1, 0, 0, 0, 293, 1965, 1, 0, 0, 0, 295, 1969,
        1, 0, 0, 0, 297, 1977, 1, 0, 0, 0, 299, 1988, 1, 0, 0, 0, 301, 1993, 1, 0, 0, 0, 303, 2002,
        1, 0, 0, 0, 305, 2011, 1, 0, 0, 0, 307, 2021, 1, 0, 0, 0, 309, 2024, 1, 0, 0, 0, 311, 2030,
        1, 0, 0, 0, 313, 2036, 1, 0, 0, 0, 315, 2043, 1, 0, 0, 0, 317, 2049, 1, 0, 0, 0, 319, 2056,
        1, 0, 0, 0, 321, 2058, 1, 0, 0, 0, 323, 2066, 1, 0, 0, 0, 325, 2074, 1, 0, 0, 0, 327, 2079,
        1, 0, 0, 0, 329, 2082, 1, 0, 0, 0, 331, 2085, 1, 0, 0, 0, 333, 2097, 1, 0, 0, 0, 335, 2107,
        1, 0, 0, 0, 337, 2110, 1, 0, 0, 0, 339, 2116, 1, 0, 0, 0, 341, 2124, 1, 0, 0, 0, 343, 2128,
        1, 0, 0, 0, 345, 2137, 1, 0, 0, 0, 347, 2144, 1, 0, 0, 0, 349, 2149, 1, 0, 0, 0, 351, 2153,
        1, 0, 0, 0, 353, 2159, 1, 0, 0, 0, 355, 2165, 1, 0, 0, 0, 357, 2171, 1, 0, 0, 0, 359, 2176,
        1, 0, 0, 0, 361, 2184, 1, 0, 0, 0, 363, 2194, 1, 0, 0, 0, 365, 2204, 1, 0, 0, 0, 367, 2214,
        1, 0, 0, 0, 369, 2223, 1, 0, 0, 0, 371, 2226, 1, 0, 0, 0, 373, 2231, 1, 0, 0, 0, 375, 2235,
        1, 0, 0, 0, 377, 2241, 1, 0, 0, 0, 379, 2249, 1, 0, 0, 0, 381, 2256, 1, 0, 0, 0, 383, 2258,
        1, 0, 0, 0, 385, 2260, 1, 0, 0, 0, 387, 2269, 1, 0, 0, 0, 389, 2271, 1, 0, 0, 0, 391, 2275,
        1, 0, 0, 0, 393, 2278, 1, 0, 0, 0, 395, 2286, 1, 0, 0, 0, 397, 2290, 1, 0, 0, 0, 399, 2296,
        1, 0, 0, 0, 401, 2301, 1, 0, 0, 0, 403, 2306, 1, 0, 0, 0, 405, 2312, 1, 0, 0, 0, 407, 2319,
        1, 0, 0, 0, 409, 2321, 1, 0, 0, 0, 411, 2323, 1, 0, 0, 0, 413, 2334, 1, 0, 0, 0, 415, 2344,
        1, 0, 0, 0, 417, 2348, 1, 0, 0, 0, 419, 2354, 1, 0, 0, 0, 421, 2360, 1, 0, 0, 0, 423, 2369,
        1, 0, 0, 0, 425, 2371, 1, 0, 0, 0, 427, 2373, 1, 0, 0, 0, 429, 2381, 1, 0, 0, 0, 431, 2384,
        1, 0, 0, 0, 433, 2387, 1, 0, 0, 0, 435, 2392, 1, 0, 0, 0, 437, 2398, 1, 0, 0, 0, 439, 2402,
        1, 0, 0, 0, 441, 2406, 1, 0, 0, 0, 443, 2410, 1, 0, 0, 0, 445, 2415, 1, 0, 0, 0, 447, 2420,
        1, 0, 0, 0, 449, 2424, 1, 0, 0, 0, 451, 2429, 1, 0, 0, 0, 453, 2434, 1, 0, 0, 0, 455, 2443,
        1, 0, 0, 0, 457, 2449, 1, 0, 0, 0, 459, 2454, 1, 0, 0, 0, 461, 2464, 1, 0, 0, 0, 463, 2475,
        1, 0, 0, 0, 465, 2479, 1, 0, 0, 0, 467, 2487, 1, 0, 0, 0, 469, 2494, 1, 0, 0, 0, 471, 2499,
        1, 0, 0, 0, 473, 2506, 1, 0, 0, 0, 475, 2509, 1, 0, 0, 0, 477, 2516, 1, 0, 0, 0, 479, 2521,
        1, 0, 0, 0, 481, 2524, 1, 0, 0, 0, 483, 2529, 1, 0, 0, 0, 485, 2538, 1, 0, 0, 0, 487, 2546,
        1, 0, 0, 0, 489, 2553, 1, 0, 0, 0, 491, 2556, 1, 0, 0, 0, 493, 2562, 1, 0, 0, 0, 495, 2571,
        1, 0, 0, 0, 497, 2581, 1, 0, 0, 0, 499, 2586, 1, 0, 0, 0, 501, 2592, 1, 0, 0, 0, 503, 2602,
        1, 0, 0, 0, 505, 2604, 1, 0, 0, 0, 507, 2607, 1, 0, 0, 0, 509, 2613, 1, 0, 0, 0, 511, 2623,
        1, 0, 0, 0, 513, 2625, 1, 0, 0, 0, 515, 2633, 1, 0, 0, 0, 517, 2643, 1, 0, 0, 0, 519, 2653,
        1, 0, 0, 0, 521, 2664, 1, 0, 0, 0, 523, 2674, 1, 0, 0, 0, 525, 2685, 1, 0, 0, 0, 527, 2696,
        1, 0, 0, 0, 529, 2712, 1, 0, 0, 0, 531, 2721, 1, 0, 0, 0, 533, 2730, 1, 0, 0, 0, 535, 2740,
        1, 0, 0, 0, 537, 2742, 1, 0, 0, 0, 539, 2748, 1, 0, 0, 0, 541, 2750, 1, 0, 0, 0, 543, 2755,
        1, 0, 0, 0, 545, 2766, 1, 0, 0, 0, 547, 2773, 1, 0, 0, 0, 549, 2780, 1, 0, 0, 0, 551, 2783,
        1, 0, 0, 0, 553, 2787, 1, 0, 0, 0, 555, 2800, 1, 0, 0, 0, 557, 2814, 1, 0, 0, 0, 559, 2821,
        1, 0, 0, 0, 561, 2832, 1, 0, 0, 0, 563, 2840, 1, 0, 0, 0, 565, 2848, 1, 0, 0, 0, 567, 2857,
        1, 0, 0, 0, 569, 2864, 1, 0, 0, 0, 571, 2872, 1, 0, 0, 0, 573, 2881, 1, 0, 0, 0, 575, 2890,
        1, 0, 0, 0, 577, 2896, 1, 0, 0, 0, 579, 2903, 1, 0, 0, 0, 581, 2910, 1, 0, 0, 0, 583, 2915,
        1, 0, 0, 0, 585, 2921, 1, 0, 0, 0, 587, 2925, 1, 0, 0, 0, 589, 2930, 1, 0, 0, 0, 591, 2935,
        1, 0, 0, 0, 593, 2941, 1, 0, 0, 0, 595, 2943, 1, 0, 0, 0, 597, 2948, 1, 0, 0, 0, 599, 2954,
        1, 0, 0, 0, 601, 2961, 1, 0, 0, 0, 603, 2965, 1, 0, 0, 0, 605, 2972, 1, 0, 0, 0, 607, 2982,
        1, 0, 0, 0, 609, 2994, 1, 0, 0, 0, 611, 3002, 1, 0, 0, 0, 613, 3009, 1, 0, 0, 0, 615, 3017,
        1, 0, 0, 0, 617, 3022, 1, 0, 0, 0, 619, 3024, 1, 0, 0, 0, 621, 3031, 1, 0, 0, 0, 623, 3039,
        1, 0, 0, 0, 625, 3043, 1, 0, 0, 0, 627, 3051, 1, 0, 0, 0, 629, 3060, 1, 0, 0, 0, 631, 3066,
        1, 0, 0, 0, 633, 3073, 1, 0, 0, 0, 635, 3086, 1, 0, 0, 0, 637, 3095, 1, 0, 0, 0, 639, 3100,
        1, 0, 0, 0, 641, 3107, 1, 0, 0, 0, 643, 3114, 1, 0, 0, 0, 645, 3119, 1, 0, 0, 0, 647, 3125,
        1, 0, 0, 0, 649, 3132, 1, 0, 0, 0, 651, 3139, 1, 0, 0, 0, 653, 3144, 1, 0, 0, 0, 655, 3151,
        1, 0, 0, 0, 657, 3161, 1, 0, 0, 0, 659, 3171, 1, 0, 0, 0, 661, 3175, 1, 0, 0, 0, 663, 3180,
        1, 0, 0, 0, 665, 3187, 1, 0, 0, 0, 667, 3197, 1, 0, 0, 0, 669, 3202, 1, 0, 0, 0, 671, 3207,
        1, 0, 0, 0, 673, 3212, 1, 0, 0, 0, 675, 3214, 1, 0, 0, 0, 677, 3224, 1, 0, 0, 0, 679, 3233,
        1, 0, 0, 0, 681, 3236, 1, 0, 0, 0, 683, 3245, 1, 0, 0, 0, 685, 3251, 1, 0, 0, 0, 687, 3260,
        1, 0, 0, 0, 689, 3272, 1, 0, 0, 0, 691, 3285, 1, 0, 0, 0, 693, 3294, 1, 0, 0, 0, 695, 3299,
        1, 0, 0, 0, 697, 3304, 1, 0, 0, 0, 699, 3309, 1, 0, 0, 0, 701, 3315, 1, 0, 0, 0, 703, 3321,
        1, 0, 0, 0, 705, 3326, 1, 0, 0, 0, 707, 3332, 1, 0, 0, 0, 709, 3339, 1, 0, 0, 0, 711, 3350,
        1, 0, 0, 0, 713, 3357, 1, 0, 0, 0, 715, 3361, 1, 0, 0, 0, 717, 3365, 1, 0, 0, 0, 719, 3370,
        1, 0, 0, 0, 721, 3376, 1, 0, 0, 0, 723, 3382, 1, 0, 0, 0, 725, 3388, 1, 0, 0, 0, 727, 3396,
        1, 0, 0, 0, 729, 3400, 1, 0, 0, 0, 731, 3407, 1, 0, 0, 0, 733, 3423, 1, 0, 0, 0, 735, 3435,
        1, 0, 0, 0, 737, 3442, 1, 0, 0, 0, 739, 3447, 1, 0, 0, 0, 741, 3452, 1, 0, 0, 0, 743, 3457,
        1, 0, 0, 0, 745, 3463, 1, 0, 0, 0, 747, 3468, 1, 0, 0, 0, 749, 3476, 1, 0, 0, 0, 751, 3482,
        1, 0, 0, 0, 753, 3486, 1, 0, 0, 0, 755, 3492, 1, 0, 0, 0, 757, 3497, 1, 0, 0, 0, 759, 3503,
        1, 0, 0, 0, 761, 3511, 1, 0, 0, 0, 763, 3515, 1, 0, 0, 0, 765, 3520, 1, 0, 0, 0, 767, 3525,
        1, 0, 0, 0, 769, 3527, 1, 0, 0, 0, 771, 3529, 1, 0, 0, 0, 773, 3531, 1, 0, 0, 0, 775, 3535,
        1, 0, 0, 0, 777, 3537, 1, 0, 0, 0, 779, 3539, 1, 0, 0, 0, 781, 3541, 1, 0, 0, 0, 783, 3543,
        1, 0, 0, 0, 785, 3545, 1, 0, 0, 0, 787, 3547, 1, 0, 0, 0, 789, 3549, 1, 0, 0, 0, 791, 3551,
        1, 0, 0, 0, 793, 3553, 1, 0, 0, 0, 795, 3555, 1, 0, 0, 0, 797, 3557, 1, 0, 0, 0, 799, 3559,
        1, 0, 0, 0, 801, 3561, 1, 0, 0, 0, 803, 3563, 1, 0, 0, 0, 805, 3565, 1, 0, 0, 0, 807, 3567,
        1, 0, 0, 0, 809, 3569, 1, 0, 0, 0, 811, 3571, 1, 0, 0, 0, 813, 3573, 1, 0, 0, 0, 815, 3575,
        1, 0, 0, 0, 817, 3577, 1, 0, 0, 0, 819, 3579, 1, 0, 0, 0, 821, 3581, 1, 0, 0, 0, 823, 3583,
        1, 0, 0, 0, 825, 3585, 1, 0, 0, 0, 827, 3587, 1, 0, 0, 0, 829, 3589, 1, 0, 0, 0, 831, 3591,
        1, 0, 0, 0, 833, 3593, 1, 0, 0, 0, 835, 3595, 1, 0, 0, 0, 837, 3597, 1, 0, 0, 0, 839, 3599,
        1, 0, 0, 0, 841, 3601, 1, 0, 0, 0, 843, 3603, 1, 0, 0, 0, 845, 3605, 1, 0, 0, 0, 847, 3607,
        1, 0, 0, 0, 849, 3609, 1, 0, 0, 0, 851, 3611, 1, 0, 0, 0, 853, 3613, 1, 0, 0, 0, 855, 3617,
        1, 0, 0, 0, 857, 3623, 1, 0, 0, 0, 859, 3627, 1, 0, 0, 0, 861, 3629, 1, 0, 0, 0, 863, 3633,
        1, 0, 0, 0, 865, 3639, 1, 0, 0, 0, 867, 3643, 1, 0, 0, 0, 869, 870, 3, 807, 402, 0, 870,
        871, 3, 777, 387, 0, 871, 872, 3, 811, 404, 0, 872, 873, 3, 777, 387, 0, 873, 875,
        3, 801, 399, 0, 874, 876, 3, 813, 405, 0, 875, 874, 1, 0, 0, 0, 875, 876, 1, 0, 0, 0,
        876, 4, 1, 0, 0, 0, 877, 878, 3, 781, 389, 0, 878, 879, 3, 799, 398, 0, 879, 880, 3,
        785, 391, 0, 880, 881, 3, 777, 387, 0, 881, 882, 3, 811, 404, 0, 882, 6, 1, 0, 0, 0,
        883, 884, 3, 791, 394, 0, 884, 885, 3, 793, 395, 0, 885, 886, 3, 813, 405, 0, 886,
        887, 3, 815, 406, 0, 887, 888, 3, 805, 401, 0, 888, 889, 3, 811, 404, 0, 889, 890,
        3, 825, 411, 0, 890, 8, 1, 0, 0, 0, 891, 892, 3, 781, 389, 0, 892, 893, 3, 805, 401,
        0, 893, 894, 3, 803, 400, 0, 894, 895, 3, 803, 400, 0, 895, 896, 3, 785, 391, 0, 896,
        897, 3, 781, 389, 0, 897, 898, 3, 815, 406, 0, 898, 10, 1, 0, 0, 0, 899, 900, 3, 783,
        390, 0, 900, 901, 3, 793, 395, 0, 901, 902, 3, 813, 405, 0, 902, 903, 3, 781, 389,
        0, 903, 904, 3, 805, 401, 0, 904, 905, 3, 803, 400, 0, 905, 906, 3, 803, 400, 0, 906,
        907, 3, 785, 391, 0, 907, 908, 3, 781, 389, 0, 908, 909, 3, 815, 406, 0, 909, 12, 1,
        0, 0, 0, 910, 911, 3, 821, 409, 0, 911, 912, 3, 785, 391, 0, 912, 913, 3, 799, 398,
        0, 913, 914, 3, 781, 389, 0, 914, 915, 3, 805, 401, 0, 915, 916, 3, 801, 399, 0, 916,
        917, 3, 785, 391, 0, 917, 14, 1, 0, 0, 0, 918, 919, 3, 813, 405, 0, 919, 920, 3, 825,
        411, 0, 920, 921, 3, 813, 405, 0, 921, 922, 3, 793, 395, 0, 922, 923, 3, 803, 400,
        0, 923, 924, 3, 787, 392, 0, 924, 925, 3, 805, 401, 0, 925, 16, 1, 0, 0, 0, 926, 927,
        3, 813, 405, 0, 927, 928, 3, 815, 406, 0, 928, 929, 3, 825, 411, 0, 929, 930, 3, 799,
        398, 0, 930, 931, 3, 785, 391, 0, 931, 18, 1, 0, 0, 0, 932, 933, 3, 811, 404, 0, 933,
        934, 3, 785, 391, 0, 934, 935, 3, 813, 405, 0, 935, 936, 3, 785, 391, 0, 936, 937,
        3, 815, 406, 0, 937, 20, 1, 0, 0, 0, 938, 939, 3, 807, 402, 0, 939, 940, 3, 799, 398,
        0, 940, 941, 3, 777, 387, 0, 941, 942, 3, 825, 411, 0, 942, 22, 1, 0, 0, 0, 943, 944,
        3, 777, 387, 0, 944, 945, 3, 781, 389, 0, 945, 946, 3, 781, 389, 0, 946, 947, 3, 785,
        391, 0, 947, 948, 3, 813, 405, 0, 948, 949, 3, 813, 405, 0, 949, 950, 5, 45, 0, 0, 950,
        951, 3, 801, 399, 0, 951, 952, 3, 805, 401, 0, 952, 953, 3, 783, 390, 0, 953, 954,
        3, 785, 391, 0, 954, 24, 1, 0, 0, 0, 955, 956, 3, 791, 394, 0, 956, 957, 3, 785, 391,
        0, 957, 958, 3, 799, 398, 0, 958, 959, 3, 807, 402, 0, 959, 26, 1, 0, 0, 0, 960, 961,
        5, 125, 0, 0, 961, 962, 6, 12, 0, 0, 962, 28, 1, 0, 0, 0, 963, 964, 3, 785, 391, 0, 964,
        965, 3, 823, 410, 0, 965, 966, 3, 807, 402, 0, 966, 967, 3, 799, 398, 0, 967, 968,
        3, 777, 387, 0, 968, 969, 3, 793, 395, 0, 969, 970, 3, 803, 400, 0, 970, 30, 1, 0, 0,
        0, 971, 972, 3, 807, 402, 0, 972, 973, 3, 811, 404, 0, 973, 974, 3, 805, 401, 0, 974,
        975, 3, 787, 392, 0, 975, 976, 3, 793, 395, 0, 976, 977, 3, 799, 398, 0, 977, 978,
        3, 785, 391, 0, 978, 32, 1, 0, 0, 0, 979, 980, 3, 781, 389, 0, 980, 981, 3, 825, 411,
        0, 981, 982, 3, 807, 402, 0, 982, 983, 3, 791, 394, 0, 983, 984, 3, 785, 391, 0, 984,
        985, 3, 811, 404, 0, 985, 34, 1, 0, 0, 0, 986, 987, 7, 0, 0, 0, 987, 988, 1, 0, 0, 0, 988,
        989, 6, 16, 1, 0, 989, 36, 1, 0, 0, 0, 990, 991, 5, 47, 0, 0, 991, 992, 5, 47, 0, 0, 992,
        996, 1, 0, 0, 0, 993, 995, 8, 1, 0, 0, 994, 993, 1, 0, 0, 0, 995, 998, 1, 0, 0, 0, 996,
        994, 1, 0, 0, 0, 996, 997, 1, 0, 0, 0, 997, 999, 1, 0, 0, 0, 998, 996, 1, 0, 0, 0, 999,
        1000, 6, 17, 1, 0, 1000, 38, 1, 0, 0, 0, 1001, 1002, 5, 47, 0, 0, 1002, 1003, 5, 42,
        0, 0, 1003, 1007, 1, 0, 0, 0, 1004, 1006, 9, 0, 0, 0, 1005, 1004, 1, 0, 0, 0, 1006, 1009,
        1, 0, 0, 0, 1007, 1008, 1, 0, 0, 0, 1007, 1005, 1, 0, 0, 0, 1008, 1010, 1, 0, 0, 0, 1009,
        1007, 1, 0, 0, 0, 1010, 1011, 5, 42, 0, 0, 1011, 1012, 5, 47, 0, 0, 1012, 1013, 1, 0,
        0, 0, 1013, 1014, 6, 18, 1, 0, 1014, 40, 1, 0, 0, 0, 1015, 1019, 7, 2, 0, 0, 1016, 1018,
        3, 47, 22, 0, 1017, 1016, 1, 0, 0, 0, 1018, 1021, 1, 0, 0, 0, 1019, 1017, 1, 0, 0, 0,
        1019, 1020, 1, 0, 0, 0, 1020, 1022, 1, 0, 0, 0, 1021, 1019, 1, 0, 0, 0, 1022, 1023,
        5, 46, 0, 0, 1023, 1027, 7, 2, 0, 0, 1024, 1026, 3, 47, 22, 0, 1025, 1024, 1, 0, 0, 0,
        1026, 1029, 1, 0, 0, 0, 1027, 1025, 1, 0, 0, 0, 1027, 1028, 1, 0, 0, 0, 1028, 1031,
        1, 0, 0, 0, 1029, 1027, 1, 0, 0, 0, 1030, 1032, 3, 45, 21, 0, 1031, 1030, 1, 0, 0, 0,
        1031, 1032, 1, 0, 0, 0, 1032, 1034, 1, 0, 0, 0, 1033, 1035, 3, 759, 378, 0, 1034, 1033,
        1, 0, 0, 0, 1034, 1035, 1, 0, 0, 0, 1035, 1062, 1, 0, 0, 0, 1036, 1037, 5, 46, 0, 0, 1037,
        1041, 7, 2, 0, 0, 1038, 1040, 3, 47, 22, 0, 1039, 1038, 1, 0, 0, 0, 1040, 1043, 1, 0,
        0, 0, 1041, 1039, 1, 0, 0, 0, 1041, 1042, 1, 0, 0, 0, 1042, 1045, 1, 0, 0, 0, 1043, 1041,
        1, 0, 0, 0, 1044, 1046, 3, 45, 21, 0, 1045, 1044, 1, 0, 0, 0, 1045, 1046, 1, 0, 0, 0,
        1046, 1048, 1, 0, 0, 0, 1047, 1049, 3, 759, 378, 0, 1048, 1047, 1, 0, 0, 0, 1048, 1049,
        1, 0, 0, 0, 1049, 1062, 1, 0, 0, 0, 1050, 1054, 7, 2, 0, 0, 1051, 1053, 3, 47, 22, 0,
        1052, 1051, 1, 0, 0, 0, 1053, 1056, 1, 0, 0, 0, 1054, 1052, 1, 0, 0, 0, 1054, 1055,
        1, 0, 0, 0, 1055, 1057, 1, 0, 0, 0, 1056, 1054, 1, 0, 0, 0, 1057, 1059, 3, 45, 21, 0,
        1058, 1060, 3, 759, 378, 0, 1059, 1058, 1, 0, 0, 0, 1059, 1060, 1, 0, 0, 0, 1060, 1062,
        1, 0, 0, 0, 1061, 1015, 1, 0, 0, 0, 1061, 1036, 1, 0, 0, 0, 1061, 1050, 1, 0, 0, 0, 1062,
        42, 1, 0, 0, 0, 1063, 1067, 7, 3, 0, 0, 1064, 1066, 3, 47, 22, 0, 1065, 1064, 1, 0, 0,
        0, 1066, 1069, 1, 0, 0, 0, 1067, 1065, 1, 0, 0, 0, 1067, 1068, 1, 0, 0, 0, 1068, 1073,
        1, 0, 0, 0, 1069, 1067, 1, 0, 0, 0, 1070, 1072, 3, 775, 386, 0, 1071, 1070, 1, 0, 0,
        0, 1072, 1075, 1, 0, 0, 0, 1073, 1071, 1, 0, 0, 0, 1073, 1074, 1, 0, 0, 0, 1074, 1078,
        1, 0, 0, 0, 1075, 1073, 1, 0, 0, 0, 1076, 1078, 5, 48, 0, 0, 1077, 1063, 1, 0, 0, 0, 1077,
        1076, 1, 0, 0, 0, 1078, 44, 1, 0, 0, 0, 1079, 1081, 7, 4, 0, 0, 1080, 1082, 7, 5, 0, 0,
        1081, 1080, 1, 0, 0, 0, 1081, 1082, 1, 0, 0, 0, 1082, 1084, 1, 0, 0, 0, 1083, 1085,
        3, 47, 22, 0, 1084, 1083, 1, 0, 0, 0, 1085, 1086, 1, 0, 0, 0, 1086, 1084, 1, 0, 0, 0,
        1086, 1087, 1, 0, 0, 0, 1087, 1091, 1, 0, 0, 0, 1088, 1090, 3, 775, 386, 0, 1089, 1088,
        1, 0, 0, 0, 1090, 1093, 1, 0, 0, 0, 1091, 1089, 1, 0, 0, 0, 1091, 1092, 1, 0, 0, 0, 1092,
        46, 1, 0, 0, 0, 1093, 1091, 1, 0, 0, 0, 1094, 1096, 5, 95, 0, 0, 1095, 1094, 1, 0, 0,
        0, 1095, 1096, 1, 0, 0, 0, 1096, 1097, 1, 0, 0, 0, 1097, 1098, 7, 2, 0, 0, 1098, 48,
        1, 0, 0, 0, 1099, 1100, 5, 48, 0, 0, 1100, 1101, 5, 120, 0, 0, 1101, 1105, 1, 0, 0, 0,
        1102, 1104, 3, 775, 386, 0, 1103, 1102, 1, 0, 0, 0, 1104, 1107, 1, 0, 0, 0, 1105, 1103,
        1, 0, 0, 0, 1105, 1106, 1, 0, 0, 0, 1106, 50, 1, 0, 0, 0, 1107, 1105, 1, 0, 0, 0, 1108,
        1109, 5, 48, 0, 0, 1109, 1110, 5, 111, 0, 0, 1110, 1114, 1, 0, 0, 0, 1111, 1113, 3,
        775, 386, 0, 1112, 1111, 1, 0, 0, 0, 1113, 1116, 1, 0, 0, 0, 1114, 1112, 1, 0, 0, 0,
        1114, 1115, 1, 0, 0, 0, 1115, 52, 1, 0, 0, 0, 1116, 1114, 1, 0, 0, 0, 1117, 1122, 5,
        39, 0, 0, 1118, 1121, 8, 6, 0, 0, 1119, 1121, 3, 57, 27, 0, 1120, 1118, 1, 0, 0, 0, 1120,
        1119, 1, 0, 0, 0, 1121, 1124, 1, 0, 0, 0, 1122, 1120, 1, 0, 0, 0, 1122, 1123, 1, 0, 0,
        0, 1123, 1125, 1, 0, 0, 0, 1124, 1122, 1, 0, 0, 0, 1125, 1126, 5, 39, 0, 0, 1126, 54,
        1, 0, 0, 0, 1127, 1132, 5, 34, 0, 0, 1128, 1131, 8, 7, 0, 0, 1129, 1131, 3, 57, 27, 0,
        1130, 1128, 1, 0, 0, 0, 1130, 1129, 1, 0, 0, 0, 1131, 1134, 1, 0, 0, 0, 1132, 1130,
        1, 0, 0, 0, 1132, 1133, 1, 0, 0, 0, 1133, 1135, 1, 0, 0, 0, 1134, 1132, 1, 0, 0, 0, 1135,
        1136, 5, 34, 0, 0, 1136, 56, 1, 0, 0, 0, 1137, 1138, 5, 92, 0, 0, 1138, 1139, 9, 0, 0,
        0, 1139, 58, 1, 0, 0, 0, 1140, 1146, 5, 96, 0, 0, 1141, 1145, 8, 8, 0, 0, 1142, 1143,
        5, 96, 0, 0, 1143, 1145, 5, 96, 0, 0, 1144, 1141, 1, 0, 0, 0, 1144, 1142, 1, 0, 0, 0,
        1145, 1148, 1, 0, 0, 0, 1146, 1144, 1, 0, 0, 0, 1146, 1147, 1, 0, 0, 0, 1147, 1149,
        1, 0, 0, 0, 1148, 1146, 1, 0, 0, 0, 1149, 1150, 5, 96, 0, 0, 1150, 60, 1, 0, 0, 0, 1151,
        1152, 3, 777, 387, 0, 1152, 1153, 3, 781, 389, 0, 1153, 1154, 3, 781, 389, 0, 1154,
        1155, 3, 785, 391, 0, 1155, 1156, 3, 813, 405, 0, 1156, 1157, 3, 813, 405, 0, 1157,
        62, 1, 0, 0, 0, 1158, 1159, 3, 777, 387, 0, 1159, 1160, 3, 781, 389, 0, 1160, 1161,
        3, 815, 406, 0, 1161, 1162, 3, 793, 395, 0, 1162, 1163, 3, 819, 408, 0, 1163, 1164,
        3, 785, 391, 0, 1164, 64, 1, 0, 0, 0, 1165, 1166, 3, 777, 387, 0, 1166, 1167, 3, 781,
        389, 0, 1167, 1168, 3, 825, 411, 0, 1168, 1169, 3, 781, 389, 0, 1169, 1170, 3, 799,
        398, 0, 1170, 1171, 3, 793, 395, 0, 1171, 1172, 3, 781, 389, 0, 1172, 66, 1, 0, 0,
        0, 1173, 1174, 3, 777, 387, 0, 1174, 1175, 3, 783, 390, 0, 1175, 1176, 3, 783, 390,
        0, 1176, 68, 1, 0, 0, 0, 1177, 1178, 3, 777, 387, 0, 1178, 1179, 3, 783, 390, 0, 1179,
        1180, 3, 801, 399, 0, 1180, 1181, 3, 793, 395, 0, 1181, 1182, 3, 803, 400, 0, 1182,
        70, 1, 0, 0, 0, 1183, 1184, 3, 777, 387, 0, 1184, 1185, 3, 783, 390, 0, 1185, 1186,
        3, 801, 399, 0, 1186, 1187, 3, 793, 395, 0, 1187, 1188, 3, 803, 400, 0, 1188, 1189,
        3, 793, 395, 0, 1189, 1190, 3, 813, 405, 0, 1190, 1191, 3, 815, 406, 0, 1191, 1192,
        3, 811, 404, 0, 1192, 1193, 3, 777, 387, 0, 1193, 1194, 3, 815, 406, 0, 1194, 1195,
        3, 805, 401, 0, 1195, 1196, 3, 811, 404, 0, 1196, 72, 1, 0, 0, 0, 1197, 1198, 3, 777,
        387, 0, 1198, 1199, 3, 799, 398, 0, 1199, 1200, 3, 793, 395, 0, 1200, 1201, 3, 777,
        387, 0, 1201, 1202, 3, 813, 405, 0, 1202, 74, 1, 0, 0, 0, 1203, 1204, 3, 777, 387,
        0, 1204, 1205, 3, 799, 398, 0, 1205, 1206, 3, 793, 395, 0, 1206, 1207, 3, 777, 387,
        0, 1207, 1208, 3, 813, 405, 0, 1208, 1209, 3, 785, 391, 0, 1209, 1210, 3, 813, 405,
        0, 1210, 76, 1, 0, 0, 0, 1211, 1212, 3, 777, 387, 0, 1212, 1213, 3, 799, 398, 0, 1213,
        1214, 3, 799, 398, 0, 1214, 1215, 3, 813, 405, 0, 1215, 1216, 3, 791, 394, 0, 1216,
        1217, 3, 805, 401, 0, 1217, 1218, 3, 811, 404, 0, 1218, 1219, 3, 815, 406, 0, 1219,
        1220, 3, 785, 391, 0, 1220, 1221, 3, 813, 405, 0, 1221, 1222, 3, 815, 406, 0, 1222,
        1223, 3, 807, 402, 0, 1223, 1224, 3, 777, 387, 0, 1224, 1225, 3, 815, 406, 0, 1225,
        1226, 3, 791, 394, 0, 1226, 1227, 3, 813, 405, 0, 1227, 78, 1, 0, 0, 0, 1228, 1229,
        3, 777, 387, 0, 1229, 1230, 3, 799, 398, 0, 1230, 1231, 3, 799, 398, 0, 1231, 80,
        1, 0, 0, 0, 1232, 1233, 3, 777, 387, 0, 1233, 1234, 3, 799, 398, 0, 1234, 1235, 3,
        799, 398, 0, 1235, 1236, 3, 811, 404, 0, 1236, 1237, 3, 785, 391, 0, 1237, 1238,
        3, 783, 390, 0, 1238, 1239, 3, 817, 407, 0, 1239, 1240, 3, 781, 389, 0, 1240, 1241,
        3, 785, 391, 0, 1241, 82, 1, 0, 0, 0, 1242, 1243, 3, 777, 387, 0, 1243, 1244, 3, 799,
        398, 0, 1244, 1245, 3, 815, 406, 0, 1245, 1246, 3, 785, 391, 0, 1246, 1247, 3, 811,
        404, 0, 1247, 84, 1, 0, 0, 0, 1248, 1249, 3, 777, 387, 0, 1249, 1250, 3, 803, 400,
        0, 1250, 1251, 3, 777, 387, 0, 1251, 1252, 3, 799, 398, 0, 1252, 1253, 3, 825, 411,
        0, 1253, 1254, 3, 827, 412, 0, 1254, 1255, 3, 785, 391, 0, 1255, 1256, 3, 811, 404,
        0, 1256, 86, 1, 0, 0, 0, 1257, 1258, 3, 777, 387, 0, 1258, 1259, 3, 803, 400, 0, 1259,
        1260, 3, 783, 390, 0, 1260, 88, 1, 0, 0, 0, 1261, 1262, 3, 777, 387, 0, 1262, 1263,
        3, 803, 400, 0, 1263, 1264, 3, 825, 411, 0, 1264, 90, 1, 0, 0, 0, 1265, 1266, 3, 777,
        387, 0, 1266, 1267, 3, 811, 404, 0, 1267, 1268, 3, 811, 404, 0, 1268, 1269, 3, 777,
        387, 0, 1269, 1270, 3, 825, 411, 0, 1270, 92, 1, 0, 0, 0, 1271, 1272, 3, 777, 387,
        0, 1272, 1273, 3, 813, 405, 0, 1273, 94, 1, 0, 0, 0, 1274, 1275, 3, 777, 387, 0, 1275,
        1276, 3, 813, 405, 0, 1276, 1277, 3, 781, 389, 0, 1277, 96, 1, 0, 0, 0, 1278, 1279,
        3, 777, 387, 0, 1279, 1280, 3, 813, 405, 0, 1280, 1281, 3, 781, 389, 0, 1281, 1282,
        3, 785, 391, 0, 1282, 1283, 3, 803, 400, 0, 1283, 1284, 3, 783, 390, 0, 1284, 1285,
        3, 793, 395, 0, 1285, 1286, 3, 803, 400, 0, 1286, 1287, 3, 789, 393, 0, 1287, 98,
        1, 0, 0, 0, 1288, 1289, 3, 777, 387, 0, 1289, 1290, 3, 813, 405, 0, 1290, 1291, 3,
        813, 405, 0, 1291, 1292, 3, 793, 395, 0, 1292, 1293, 3, 789, 393, 0, 1293, 1294,
        3, 803, 400, 0, 1294, 100, 1, 0, 0, 0, 1295, 1296, 3, 777, 387, 0, 1296, 1297, 3, 815,
        406, 0, 1297, 102, 1, 0, 0, 0, 1298, 1299, 3, 777, 387, 0, 1299, 1300, 3, 817, 407,
        0, 1300, 1301, 3, 815, 406, 0, 1301, 1302, 3, 791, 394, 0, 1302, 104, 1, 0, 0, 0, 1303,
        1304, 3, 777, 387, 0, 1304, 1305, 3, 817, 407, 0, 1305, 1306, 3, 815, 406, 0, 1306,
        1307, 3, 805, 401, 0, 1307, 106, 1, 0, 0, 0, 1308, 1309, 5, 124, 0, 0, 1309, 108, 1,
        0, 0, 0, 1310, 1311, 3, 779, 388, 0, 1311, 1312, 3, 793, 395, 0, 1312, 1313, 3, 803,
        400, 0, 1313, 1314, 3, 783, 390, 0, 1314, 1315, 3, 793, 395, 0, 1315, 1316, 3, 803,
        400, 0, 1316, 1317, 3, 789, 393, 0, 1317, 1318, 3, 813, 405, 0, 1318, 110, 1, 0, 0,
        0, 1319, 1320, 3, 779, 388, 0, 1320, 1321, 3, 805, 401, 0, 1321, 1322, 3, 805, 401,
        0, 1322, 1323, 3, 799, 398, 0, 1323, 112, 1, 0, 0, 0, 1324, 1325, 3, 779, 388, 0, 1325,
        1326, 3, 805, 401, 0, 1326, 1327, 3, 805, 401, 0, 1327, 1328, 3, 799, 398, 0, 1328,
        1329, 3, 785, 391, 0, 1329, 1330, 3, 777, 387, 0, 1330, 1331, 3, 803, 400, 0, 1331,
        114, 1, 0, 0, 0, 1332, 1333, 3, 779, 388, 0, 1333, 1334, 3, 805, 401, 0, 1334, 1335,
        3, 805, 401, 0, 1335, 1336, 3, 813, 405, 0, 1336, 1337, 3, 815, 406, 0, 1337, 1338,
        3, 785, 391, 0, 1338, 1339, 3, 783, 390, 0, 1339, 116, 1, 0, 0, 0, 1340, 1341, 3, 779,
        388, 0, 1341, 1342, 3, 805, 401, 0, 1342, 1343, 3, 815, 406, 0, 1343, 1344, 3, 791,
        394, 0, 1344, 118, 1, 0, 0, 0, 1345, 1346, 3, 779, 388, 0, 1346, 1347, 3, 811, 404,
        0, 1347, 1348, 3, 785, 391, 0, 1348, 1349, 3, 777, 387, 0, 1349, 1350, 3, 797, 397,
        0, 1350, 120, 1, 0, 0, 0, 1351, 1352, 3, 779, 388, 0, 1352, 1353, 3, 817, 407, 0, 1353,
        1354, 3, 793, 395, 0, 1354, 1355, 3, 799, 398, 0, 1355, 1356, 3, 815, 406, 0, 1356,
        122, 1, 0, 0, 0, 1357, 1358, 3, 779, 388, 0, 1358, 1359, 3, 825, 411, 0, 1359, 124,
        1, 0, 0, 0, 1360, 1361, 3, 781, 389, 0, 1361, 1362, 3, 777, 387, 0, 1362, 1363, 3,
        799, 398, 0, 1363, 1364, 3, 799, 398, 0, 1364, 126, 1, 0, 0, 0, 1365, 1366, 3, 781,
        389, 0, 1366, 1367, 3, 777, 387, 0, 1367, 1368, 3, 813, 405, 0, 1368, 1369, 3, 781,
        389, 0, 1369, 1370, 3, 777, 387, 0, 1370, 1371, 3, 783, 390, 0, 1371, 1372, 3, 785,
        391, 0, 1372, 128, 1, 0, 0, 0, 1373, 1374, 3, 781, 389, 0, 1374, 1375, 3, 777, 387,
        0, 1375, 1376, 3, 813, 405, 0, 1376, 1377, 3, 785, 391, 0, 1377, 130, 1, 0, 0, 0, 1378,
        1379, 3, 781, 389, 0, 1379, 1380, 3, 791, 394, 0, 1380, 1381, 3, 777, 387, 0, 1381,
        1382, 3, 803, 400, 0, 1382, 1383, 3, 789, 393, 0, 1383, 1384, 3, 785, 391, 0, 1384,
        132, 1, 0, 0, 0, 1385, 1386, 3, 781, 389, 0, 1386, 1387, 3, 793, 395, 0, 1387, 1388,
        3, 783, 390, 0, 1388, 1389, 3, 811, 404, 0, 1389, 134, 1, 0, 0, 0, 1390, 1391, 3, 781,
        389, 0, 1391, 1392, 3, 805, 401, 0, 1392, 1393, 3, 799, 398, 0, 1393, 1394, 3, 799,
        398, 0, 1394, 1395, 3, 785, 391, 0, 1395, 1396, 3, 781, 389, 0, 1396, 1397, 3, 815,
        406, 0, 1397, 136, 1, 0, 0, 0, 1398, 1399, 5, 58, 0, 0, 1399, 138, 1, 0, 0, 0, 1400,
        1401, 5, 58, 0, 0, 1401, 1402, 5, 58, 0, 0, 1402, 140, 1, 0, 0, 0, 1403, 1404, 5, 44,
        0, 0, 1404, 142, 1, 0, 0, 0, 1405, 1406, 3, 781, 389, 0, 1406, 1407, 3, 805, 401, 0,
        1407, 1408, 3, 801, 399, 0, 1408, 1409, 3, 801, 399, 0, 1409, 1410, 3, 777, 387,
        0, 1410, 1411, 3, 803, 400, 0, 1411, 1412, 3, 783, 390, 0, 1412, 144, 1, 0, 0, 0, 1413,
        1414, 3, 781, 389, 0, 1414, 1415, 3, 805, 401, 0, 1415, 1416, 3, 801, 399, 0, 1416,
        1417, 3, 801, 399, 0, 1417, 1418, 3, 777, 387, 0, 1418, 1419, 3, 803, 400, 0, 1419,
        1420, 3, 783, 390, 0, 1420, 1421, 3, 813, 405, 0, 1421, 146, 1, 0, 0, 0, 1422, 1423,
        3, 781, 389, 0, 1423, 1424, 3, 805, 401, 0, 1424, 1425, 3, 801, 399, 0, 1425, 1426,
        3, 807, 402, 0, 1426, 1427, 3, 805, 401, 0, 1427, 1428, 3, 813, 405, 0, 1428, 1429,
        3, 793, 395, 0, 1429, 1430, 3, 815, 406, 0, 1430, 1431, 3, 785, 391, 0, 1431, 148,
        1, 0, 0, 0, 1432, 1433, 3, 781, 389, 0, 1433, 1434, 3, 805, 401, 0, 1434, 1435, 3,
        803, 400, 0, 1435, 1436, 3, 781, 389, 0, 1436, 1437, 3, 817, 407, 0, 1437, 1438,
        3, 811, 404, 0, 1438, 1439, 3, 811, 404, 0, 1439, 1440, 3, 785, 391, 0, 1440, 1441,
        3, 803, 400, 0, 1441, 1442, 3, 815, 406, 0, 1442, 150, 1, 0, 0, 0, 1443, 1444, 3, 781,
        389, 0, 1444, 1445, 3, 805, 401, 0, 1445, 1446, 3, 803, 400, 0, 1446, 1447, 3, 813,
        405, 0, 1447, 1448, 3, 815, 406, 0, 1448, 1449, 3, 811, 404, 0, 1449, 1450, 3, 777,
        387, 0, 1450, 1451, 3, 793, 395, 0, 1451, 1452, 3, 803, 400, 0, 1452, 1453, 3, 815,
        406, 0, 1453, 152, 1, 0, 0, 0, 1454, 1455, 3, 781, 389, 0, 1455, 1456, 3, 805, 401,
        0, 1456, 1457, 3, 803, 400, 0, 1457, 1458, 3, 813, 405, 0, 1458, 1459, 3, 815, 406,
        0, 1459, 1460, 3, 811, 404, 0, 1460, 1461, 3, 777, 387, 0, 1461, 1462, 3, 793, 395,
        0, 1462, 1463, 3, 803, 400, 0, 1463, 1464, 3, 815, 406, 0, 1464, 1465, 3, 813, 405,
        0, 1465, 154, 1, 0, 0, 0, 1466, 1467, 3, 781, 389, 0, 1467, 1468, 3, 805, 401, 0, 1468,
        1469, 3, 803, 400, 0, 1469, 1470, 3, 815, 406, 0, 1470, 1471, 3, 777, 387, 0, 1471,
        1472, 3, 793, 395, 0, 1472, 1473, 3, 803, 400, 0, 1473, 1474, 3, 813, 405, 0, 1474,
        156, 1, 0, 0, 0, 1475, 1476, 3, 781, 389, 0, 1476, 1477, 3, 805, 401, 0, 1477, 1478,
        3, 807, 402, 0, 1478, 1479, 3, 825, 411, 0, 1479, 158, 1, 0, 0, 0, 1480, 1481, 3, 781,
        389, 0, 1481, 1482, 3, 805, 401, 0, 1482, 1483, 3, 803, 400, 0, 1483, 1484, 3, 783,
        390, 0, 1484, 1485, 3, 793, 395, 0, 1485, 1486, 3, 815, 406, 0, 1486, 1487, 3, 793,
        395, 0, 1487, 1488, 3, 805, 401, 0, 1488, 1489, 3, 803, 400, 0, 1489, 160, 1, 0, 0,
        0, 1490, 1491, 3, 781, 389, 0, 1491, 1492, 3, 805, 401, 0, 1492, 1493, 3, 803, 400,
        0, 1493, 1494, 3, 815, 406, 0, 1494, 1495, 3, 793, 395, 0, 1495, 1496, 3, 803, 400,
        0, 1496, 1497, 3, 817, 407, 0, 1497, 1498, 3, 785, 391, 0, 1498, 162, 1, 0, 0, 0, 1499,
        1500, 3, 781, 389, 0, 1500, 1501, 3, 805, 401, 0, 1501, 1502, 3, 813, 405, 0, 1502,
        1503, 3, 793, 395, 0, 1503, 1504, 3, 803, 400, 0, 1504, 1505, 3, 785, 391, 0, 1505,
        164, 1, 0, 0, 0, 1506, 1507, 3, 781, 389, 0, 1507, 1508, 3, 805, 401, 0, 1508, 1509,
        3, 817, 407, 0, 1509, 1510, 3, 803, 400, 0, 1510, 1511, 3, 815, 406, 0, 1511, 166,
        1, 0, 0, 0, 1512, 1513, 3, 781, 389, 0, 1513, 1514, 3, 811, 404, 0, 1514, 1515, 3,
        785, 391, 0, 1515, 1516, 3, 777, 387, 0, 1516, 1517, 3, 815, 406, 0, 1517, 1518,
        3, 785, 391, 0, 1518, 168, 1, 0, 0, 0, 1519, 1520, 3, 781, 389, 0, 1520, 1521, 3, 811,
        404, 0, 1521, 1522, 3, 785, 391, 0, 1522, 1523, 3, 783, 390, 0, 1523, 1524, 3, 785,
        391, 0, 1524, 1525, 3, 803, 400, 0, 1525, 1526, 3, 815, 406, 0, 1526, 1527, 3, 793,
        395, 0, 1527, 1528, 3, 777, 387, 0, 1528, 1529, 3, 799, 398, 0, 1529, 170, 1, 0, 0,
        0, 1530, 1531, 3, 781, 389, 0, 1531, 1532, 3, 811, 404, 0, 1532, 1533, 3, 785, 391,
        0, 1533, 1534, 3, 783, 390, 0, 1534, 1535, 3, 785, 391, 0, 1535, 1536, 3, 803, 400,
        0, 1536, 1537, 3, 815, 406, 0, 1537, 1538, 3, 793, 395, 0, 1538, 1539, 3, 777, 387,
        0, 1539, 1540, 3, 799, 398, 0, 1540, 1541, 3, 813, 405, 0, 1541, 172, 1, 0, 0, 0, 1542,
        1543, 3, 781, 389, 0, 1543, 1544, 3, 813, 405, 0, 1544, 1545, 3, 819, 408, 0, 1545,
        174, 1, 0, 0, 0, 1546, 1547, 3, 781, 389, 0, 1547, 1548, 3, 817, 407, 0, 1548, 1549,
        3, 811, 404, 0, 1549, 1550, 3, 811, 404, 0, 1550, 1551, 3, 785, 391, 0, 1551, 1552,
        3, 803, 400, 0, 1552, 1553, 3, 815, 406, 0, 1553, 176, 1, 0, 0, 0, 1554, 1555, 3, 783,
        390, 0, 1555, 1556, 3, 777, 387, 0, 1556, 1557, 3, 815, 406, 0, 1557, 1558, 3, 777,
        387, 0, 1558, 178, 1, 0, 0, 0, 1559, 1560, 3, 783, 390, 0, 1560, 1561, 3, 777, 387,
        0, 1561, 1562, 3, 815, 406, 0, 1562, 1563, 3, 777, 387, 0, 1563, 1564, 3, 779, 388,
        0, 1564, 1565, 3, 777, 387, 0, 1565, 1566, 3, 813, 405, 0, 1566, 1567, 3, 785, 391,
        0, 1567, 180, 1, 0, 0, 0, 1568, 1569, 3, 783, 390, 0, 1569, 1570, 3, 777, 387, 0, 1570,
        1571, 3, 815, 406, 0, 1571, 1572, 3, 777, 387, 0, 1572, 1573, 3, 779, 388, 0, 1573,
        1574, 3, 777, 387, 0, 1574, 1575, 3, 813, 405, 0, 1575, 1576, 3, 785, 391, 0, 1576,
        1577, 3, 813, 405, 0, 1577, 182, 1, 0, 0, 0, 1578, 1579, 3, 783, 390, 0, 1579, 1580,
        3, 777, 387, 0, 1580, 1581, 3, 815, 406, 0, 1581, 1582, 3, 785, 391, 0, 1582, 184,
        1, 0, 0, 0, 1583, 1584, 3, 783, 390, 0, 1584, 1585, 3, 777, 387, 0, 1585, 1586, 3,
        815, 406, 0, 1586, 1587, 3, 785, 391, 0, 1587, 1588, 3, 815, 406, 0, 1588, 1589,
        3, 793, 395, 0, 1589, 1590, 3, 801, 399, 0, 1590, 1591, 3, 785, 391, 0, 1591, 186,
        1, 0, 0, 0, 1592, 1593, 3, 783, 390, 0, 1593, 1594, 3, 779, 388, 0, 1594, 1595, 3,
        801, 399, 0, 1595, 1596, 3, 813, 405, 0, 1596, 188, 1, 0, 0, 0, 1597, 1598, 3, 783,
        390, 0, 1598, 1599, 3, 785, 391, 0, 1599, 1600, 3, 777, 387, 0, 1600, 1601, 3, 799,
        398, 0, 1601, 1602, 3, 799, 398, 0, 1602, 1603, 3, 805, 401, 0, 1603, 1604, 3, 781,
        389, 0, 1604, 1605, 3, 777, 387, 0, 1605, 1606, 3, 815, 406, 0, 1606, 1607, 3, 785,
        391, 0, 1607, 190, 1, 0, 0, 0, 1608, 1609, 3, 783, 390, 0, 1609, 1610, 3, 785, 391,
        0, 1610, 1611, 3, 787, 392, 0, 1611, 1612, 3, 777, 387, 0, 1612, 1613, 3, 817, 407,
        0, 1613, 1614, 3, 799, 398, 0, 1614, 1615, 3, 815, 406, 0, 1615, 192, 1, 0, 0, 0, 1616,
        1617, 3, 783, 390, 0, 1617, 1618, 3, 785, 391, 0, 1618, 1619, 3, 787, 392, 0, 1619,
        1620, 3, 793, 395, 0, 1620, 1621, 3, 803, 400, 0, 1621, 1622, 3, 785, 391, 0, 1622,
        194, 1, 0, 0, 0, 1623, 1624, 3, 783, 390, 0, 1624, 1625, 3, 785, 391, 0, 1625, 1626,
        3, 787, 392, 0, 1626, 1627, 3, 793, 395, 0, 1627, 1628, 3, 803, 400, 0, 1628, 1629,
        3, 785, 391, 0, 1629, 1630, 3, 783, 390, 0, 1630, 196, 1, 0, 0, 0, 1631, 1632, 3, 783,
        390, 0, 1632, 1633, 3, 785, 391, 0, 1633, 1634, 3, 799, 398, 0, 1634, 1635, 3, 785,
        391, 0, 1635, 1636, 3, 815, 406, 0, 1636, 1637, 3, 785, 391, 0, 1637, 198, 1, 0, 0,
        0, 1638, 1639, 3, 783, 390, 0, 1639, 1640, 3, 785, 391, 0, 1640, 1641, 3, 803, 400,
        0, 1641, 1642, 3, 825, 411, 0, 1642, 200, 1, 0, 0, 0, 1643, 1644, 3, 783, 390, 0, 1644,
        1645, 3, 785, 391, 0, 1645, 1646, 3, 813, 405, 0, 1646, 1647, 3, 781, 389, 0, 1647,
        202, 1, 0, 0, 0, 1648, 1649, 3, 783, 390, 0, 1649, 1650, 3, 785, 391, 0, 1650, 1651,
        3, 813, 405, 0, 1651, 1652, 3, 781, 389, 0, 1652, 1653, 3, 785, 391, 0, 1653, 1654,
        3, 803, 400, 0, 1654, 1655, 3, 783, 390, 0, 1655, 1656, 3, 793, 395, 0, 1656, 1657,
        3, 803, 400, 0, 1657, 1658, 3, 789, 393, 0, 1658, 204, 1, 0, 0, 0, 1659, 1660, 3, 783,
        390, 0, 1660, 1661, 3, 785, 391, 0, 1661, 1662, 3, 813, 405, 0, 1662, 1663, 3, 815,
        406, 0, 1663, 1664, 3, 811, 404, 0, 1664, 1665, 3, 805, 401, 0, 1665, 1666, 3, 825,
        411, 0, 1666, 206, 1, 0, 0, 0, 1667, 1668, 3, 783, 390, 0, 1668, 1669, 3, 785, 391,
        0, 1669, 1670, 3, 815, 406, 0, 1670, 1671, 3, 777, 387, 0, 1671, 1672, 3, 781, 389,
        0, 1672, 1673, 3, 791, 394, 0, 1673, 208, 1, 0, 0, 0, 1674, 1675, 3, 783, 390, 0, 1675,
        1676, 3, 793, 395, 0, 1676, 1677, 3, 787, 392, 0, 1677, 1678, 3, 787, 392, 0, 1678,
        1679, 3, 785, 391, 0, 1679, 1680, 3, 811, 404, 0, 1680, 1681, 3, 785, 391, 0, 1681,
        1682, 3, 803, 400, 0, 1682, 1683, 3, 815, 406, 0, 1683, 210, 1, 0, 0, 0, 1684, 1685,
        5, 36, 0, 0, 1685, 212, 1, 0, 0, 0, 1686, 1687, 3, 783, 390, 0, 1687, 1688, 3, 793,
        395, 0, 1688, 1689, 3, 813, 405, 0, 1689, 1690, 3, 795, 396, 0, 1690, 1691, 3, 805,
        401, 0, 1691, 1692, 3, 793, 395, 0, 1692, 1693, 3, 803, 400, 0, 1693, 1694, 3, 815,
        406, 0, 1694, 214, 1, 0, 0, 0, 1695, 1696, 3, 783, 390, 0, 1696, 1697, 3, 793, 395,
        0, 1697, 1698, 3, 813, 405, 0, 1698, 1699, 3, 815, 406, 0, 1699, 1700, 3, 793, 395,
        0, 1700, 1701, 3, 803, 400, 0, 1701, 1702, 3, 781, 389, 0, 1702, 1703, 3, 815, 406,
        0, 1703, 216, 1, 0, 0, 0, 1704, 1705, 5, 47, 0, 0, 1705, 218, 1, 0, 0, 0, 1706, 1707,
        5, 46, 0, 0, 1707, 220, 1, 0, 0, 0, 1708, 1709, 3, 783, 390, 0, 1709, 1710, 3, 805,
        401, 0, 1710, 1711, 3, 815, 406, 0, 1711, 222, 1, 0, 0, 0, 1712, 1713, 5, 46, 0, 0,
        1713, 1714, 5, 46, 0, 0, 1714, 224, 1, 0, 0, 0, 1715, 1716, 5, 124, 0, 0, 1716, 1717,
        5, 124, 0, 0, 1717, 226, 1, 0, 0, 0, 1718, 1719, 3, 783, 390, 0, 1719, 1720, 3, 811,
        404, 0, 1720, 1721, 3, 793, 395, 0, 1721, 1722, 3, 819, 408, 0, 1722, 1723, 3, 785,
        391, 0, 1723, 1724, 3, 811, 404, 0, 1724, 228, 1, 0, 0, 0, 1725, 1726, 3, 783, 390,
        0, 1726, 1727, 3, 811, 404, 0, 1727, 1728, 3, 805, 401, 0, 1728, 1729, 3, 807, 402,
        0, 1729, 230, 1, 0, 0, 0, 1730, 1731, 3, 783, 390, 0, 1731, 1732, 3, 811, 404, 0, 1732,
        1733, 3, 825, 411, 0, 1733, 1734, 3, 811, 404, 0, 1734, 1735, 3, 817, 407, 0, 1735,
        1736, 3, 803, 400, 0, 1736, 232, 1, 0, 0, 0, 1737, 1738, 3, 783, 390, 0, 1738, 1739,
        3, 817, 407, 0, 1739, 1740, 3, 801, 399, 0, 1740, 1741, 3, 807, 402, 0, 1741, 234,
        1, 0, 0, 0, 1742, 1743, 3, 783, 390, 0, 1743, 1744, 3, 817, 407, 0, 1744, 1745, 3,
        811, 404, 0, 1745, 1746, 3, 777, 387, 0, 1746, 1747, 3, 815, 406, 0, 1747, 1748,
        3, 793, 395, 0, 1748, 1749, 3, 805, 401, 0, 1749, 1750, 3, 803, 400, 0, 1750, 236,
        1, 0, 0, 0, 1751, 1752, 3, 785, 391, 0, 1752, 1753, 3, 777, 387, 0, 1753, 1754, 3,
        781, 389, 0, 1754, 1755, 3, 791, 394, 0, 1755, 238, 1, 0, 0, 0, 1756, 1757, 3, 785,
        391, 0, 1757, 1758, 3, 783, 390, 0, 1758, 1759, 3, 789, 393, 0, 1759, 1760, 3, 785,
        391, 0, 1760, 240, 1, 0, 0, 0, 1761, 1762, 3, 785, 391, 0, 1762, 1763, 3, 803, 400,
        0, 1763, 1764, 3, 777, 387, 0, 1764, 1765, 3, 779, 388, 0, 1765, 1766, 3, 799, 398,
        0, 1766, 1767, 3, 785, 391, 0, 1767, 242, 1, 0, 0, 0, 1768, 1769, 3, 785, 391, 0, 1769,
        1770, 3, 799, 398, 0, 1770, 1771, 3, 785, 391, 0, 1771, 1772, 3, 801, 399, 0, 1772,
        1773, 3, 785, 391, 0, 1773, 1774, 3, 803, 400, 0, 1774, 1775, 3, 815, 406, 0, 1775,
        244, 1, 0, 0, 0, 1776, 1777, 3, 785, 391, 0, 1777, 1778, 3, 799, 398, 0, 1778, 1779,
        3, 785, 391, 0, 1779, 1780, 3, 801, 399, 0, 1780, 1781, 3, 785, 391, 0, 1781, 1782,
        3, 803, 400, 0, 1782, 1783, 3, 815, 406, 0, 1783, 1784, 3, 813, 405, 0, 1784, 246,
        1, 0, 0, 0, 1785, 1786, 3, 785, 391, 0, 1786, 1787, 3, 799, 398, 0, 1787, 1788, 3,
        813, 405, 0, 1788, 1789, 3, 785, 391, 0, 1789, 248, 1, 0, 0, 0, 1790, 1791, 3, 785,
        391, 0, 1791, 1792, 3, 803, 400, 0, 1792, 1793, 3, 777, 387, 0, 1793, 1794, 3, 779,
        388, 0, 1794, 1795, 3, 799, 398, 0, 1795, 1796, 3, 785, 391, 0, 1796, 1797, 3, 783,
        390, 0, 1797, 250, 1, 0, 0, 0, 1798, 1799, 3, 785, 391, 0, 1799, 1800, 3, 803, 400,
        0, 1800, 1801, 3, 781, 389, 0, 1801, 1802, 3, 811, 404, 0, 1802, 1803, 3, 825, 411,
        0, 1803, 1804, 3, 807, 402, 0, 1804, 1805, 3, 815, 406, 0, 1805, 1806, 3, 785, 391,
        0, 1806, 1807, 3, 783, 390, 0, 1807, 252, 1, 0, 0, 0, 1808, 1809, 3, 785, 391, 0, 1809,
        1810, 3, 817, 407, 0, 1810, 1811, 3, 781, 389, 0, 1811, 1812, 3, 799, 398, 0, 1812,
        1813, 3, 793, 395, 0, 1813, 1814, 3, 783, 390, 0, 1814, 1815, 3, 785, 391, 0, 1815,
        1816, 3, 777, 387, 0, 1816, 1817, 3, 803, 400, 0, 1817, 254, 1, 0, 0, 0, 1818, 1819,
        3, 785, 391, 0, 1819, 1820, 3, 817, 407, 0, 1820, 1821, 3, 781, 389, 0, 1821, 1822,
        3, 799, 398, 0, 1822, 1823, 3, 793, 395, 0, 1823, 1824, 3, 783, 390, 0, 1824, 1825,
        3, 785, 391, 0, 1825, 1826, 3, 777, 387, 0, 1826, 1827, 3, 803, 400, 0, 1827, 1828,
        3, 849, 423, 0, 1828, 1829, 3, 813, 405, 0, 1829, 1830, 3, 809, 403, 0, 1830, 1831,
        3, 817, 407, 0, 1831, 1832, 3, 777, 387, 0, 1832, 1833, 3, 811, 404, 0, 1833, 1834,
        3, 785, 391, 0, 1834, 1835, 3, 783, 390, 0, 1835, 256, 1, 0, 0, 0, 1836, 1837, 3, 785,
        391, 0, 1837, 1838, 3, 803, 400, 0, 1838, 1839, 3, 783, 390, 0, 1839, 258, 1, 0, 0,
        0, 1840, 1841, 3, 785, 391, 0, 1841, 1842, 3, 803, 400, 0, 1842, 1843, 3, 783, 390,
        0, 1843, 1844, 3, 813, 405, 0, 1844, 260, 1, 0, 0, 0, 1845, 1846, 5, 61, 0, 0, 1846,
        262, 1, 0, 0, 0, 1847, 1848, 3, 785, 391, 0, 1848, 1849, 3, 823, 410, 0, 1849, 1850,
        3, 785, 391, 0, 1850, 1851, 3, 781, 389, 0, 1851, 1852, 3, 817, 407, 0, 1852, 1853,
        3, 815, 406, 0, 1853, 1854, 3, 777, 387, 0, 1854, 1855, 3, 779, 388, 0, 1855, 1856,
        3, 799, 398, 0, 1856, 1857, 3, 785, 391, 0, 1857, 264, 1, 0, 0, 0, 1858, 1859, 3, 785,
        391, 0, 1859, 1860, 3, 823, 410, 0, 1860, 1861, 3, 785, 391, 0, 1861, 1862, 3, 781,
        389, 0, 1862, 1863, 3, 817, 407, 0, 1863, 1864, 3, 815, 406, 0, 1864, 1865, 3, 785,
        391, 0, 1865, 266, 1, 0, 0, 0, 1866, 1867, 3, 785, 391, 0, 1867, 1868, 3, 823, 410,
        0, 1868, 1869, 3, 793, 395, 0, 1869, 1870, 3, 813, 405, 0, 1870, 1871, 3, 815, 406,
        0, 1871, 268, 1, 0, 0, 0, 1872, 1873, 3, 785, 391, 0, 1873, 1874, 3, 823, 410, 0, 1874,
        1875, 3, 793, 395, 0, 1875, 1876, 3, 813, 405, 0, 1876, 1877, 3, 815, 406, 0, 1877,
        1878, 3, 785, 391, 0, 1878, 1879, 3, 803, 400, 0, 1879, 1880, 3, 781, 389, 0, 1880,
        1881, 3, 785, 391, 0, 1881, 270, 1, 0, 0, 0, 1882, 1883, 3, 785, 391, 0, 1883, 1884,
        3, 823, 410, 0, 1884, 1885, 3, 793, 395, 0, 1885, 1886, 3, 813, 405, 0, 1886, 1887,
        3, 815, 406, 0, 1887, 1888, 3, 813, 405, 0, 1888, 272, 1, 0, 0, 0, 1889, 1890, 3, 785,
        391, 0, 1890, 1891, 3, 823, 410, 0, 1891, 1892, 3, 807, 402, 0, 1892, 1893, 3, 777,
        387, 0, 1893, 1894, 3, 803, 400, 0, 1894, 1895, 3, 783, 390, 0, 1895, 274, 1, 0, 0,
        0, 1896, 1897, 3, 785, 391, 0, 1897, 1898, 3, 811, 404, 0, 1898, 1899, 3, 811, 404,
        0, 1899, 1900, 3, 805, 401, 0, 1900, 1901, 3, 811, 404, 0, 1901, 276, 1, 0, 0, 0, 1902,
        1903, 3, 787, 392, 0, 1903, 1904, 3, 777, 387, 0, 1904, 1905, 3, 793, 395, 0, 1905,
        1906, 3, 799, 398, 0, 1906, 278, 1, 0, 0, 0, 1907, 1908, 3, 787, 392, 0, 1908, 1909,
        3, 777, 387, 0, 1909, 1910, 3, 799, 398, 0, 1910, 1911, 3, 813, 405, 0, 1911, 1912,
        3, 785, 391, 0, 1912, 280, 1, 0, 0, 0, 1913, 1914, 3, 787, 392, 0, 1914, 1915, 3, 793,
        395, 0, 1915, 1916, 3, 785, 391, 0, 1916, 1917, 3, 799, 398, 0, 1917, 1918, 3, 783,
        390, 0, 1918, 1919, 3, 815, 406, 0, 1919, 1920, 3, 785, 391, 0, 1920, 1921, 3, 811,
        404, 0, 1921, 1922, 3, 801, 399, 0, 1922, 1923, 3, 793, 395, 0, 1923, 1924, 3, 803,
        400, 0, 1924, 1925, 3, 777, 387, 0, 1925, 1926, 3, 815, 406, 0, 1926, 1927, 3, 805,
        401, 0, 1927, 1928, 3, 811, 404, 0, 1928, 282, 1, 0, 0, 0, 1929, 1930, 3, 787, 392,
        0, 1930, 1931, 3, 793, 395, 0, 1931, 1932, 3, 799, 398, 0, 1932, 1933, 3, 815, 406,
        0, 1933, 1934, 3, 785, 391, 0, 1934, 1935, 3, 811, 404, 0, 1935, 284, 1, 0, 0, 0, 1936,
        1937, 3, 787, 392, 0, 1937, 1938, 3, 793, 395, 0, 1938, 1939, 3, 803, 400, 0, 1939,
        1940, 3, 793, 395, 0, 1940, 1941, 3, 813, 405, 0, 1941, 1942, 3, 791, 394, 0, 1942,
        286, 1, 0, 0, 0, 1943, 1944, 3, 787, 392, 0, 1944, 1945, 3, 799, 398, 0, 1945, 1946,
        3, 805, 401, 0, 1946, 1947, 3, 777, 387, 0, 1947, 1948, 3, 815, 406, 0, 1948, 288,
        1, 0, 0, 0, 1949, 1950, 3, 787, 392, 0, 1950, 1951, 3, 799, 398, 0, 1951, 1952, 3,
        805, 401, 0, 1952, 1953, 3, 777, 387, 0, 1953, 1954, 3, 815, 406, 0, 1954, 1955,
        3, 841, 419, 0, 1955, 1956, 3, 837, 417, 0, 1956, 290, 1, 0, 0, 0, 1957, 1958, 3, 787,
        392, 0, 1958, 1959, 3, 799, 398, 0, 1959, 1960, 3, 805, 401, 0, 1960, 1961, 3, 777,
        387, 0, 1961, 1962, 3, 815, 406, 0, 1962, 1963, 3, 835, 416, 0, 1963, 1964, 3, 833,
        415, 0, 1964, 292, 1, 0, 0, 0, 1965, 1966, 3, 787, 392, 0, 1966, 1967, 3, 805, 401,
        0, 1967, 1968, 3, 811, 404, 0, 1968, 294, 1, 0, 0, 0, 1969, 1970, 3, 787, 392, 0, 1970,
        1971, 3, 805, 401, 0, 1971, 1972, 3, 811, 404, 0, 1972, 1973, 3, 785, 391, 0, 1973,
        1974, 3, 777, 387, 0, 1974, 1975, 3, 781, 389, 0, 1975, 1976, 3, 791, 394, 0, 1976,
        296, 1, 0, 0, 0, 1977, 1978, 3, 787, 392, 0, 1978, 1979, 3, 805, 401, 0, 1979, 1980,
        3, 811, 404, 0, 1980, 1981, 3, 821, 409, 0, 1981, 1982, 3, 777, 387, 0, 1982, 1983,
        3, 811, 404, 0, 1983, 1984, 3, 783, 390, 0, 1984, 1985, 3, 793, 395, 0, 1985, 1986,
        3, 803, 400, 0, 1986, 1987, 3, 789, 393, 0, 1987, 298, 1, 0, 0, 0, 1988, 1989, 3, 787,
        392, 0, 1989, 1990, 3, 811, 404, 0, 1990, 1991, 3, 805, 401, 0, 1991, 1992, 3, 801,
        399, 0, 1992, 300, 1, 0, 0, 0, 1993, 1994, 3, 787, 392, 0, 1994, 1995, 3, 817, 407,
        0, 1995, 1996, 3, 799, 398, 0, 1996, 1997, 3, 799, 398, 0, 1997, 1998, 3, 815, 406,
        0, 1998, 1999, 3, 785, 391, 0, 1999, 2000, 3, 823, 410, 0, 2000, 2001, 3, 815, 406,
        0, 2001, 302, 1, 0, 0, 0, 2002, 2003, 3, 787, 392, 0, 2003, 2004, 3, 817, 407, 0, 2004,
        2005, 3, 803, 400, 0, 2005, 2006, 3, 781, 389, 0, 2006, 2007, 3, 815, 406, 0, 2007,
        2008, 3, 793, 395, 0, 2008, 2009, 3, 805, 401, 0, 2009, 2010, 3, 803, 400, 0, 2010,
        304, 1, 0, 0, 0, 2011, 2012, 3, 787, 392, 0, 2012, 2013, 3, 817, 407, 0, 2013, 2014,
        3, 803, 400, 0, 2014, 2015, 3, 781, 389, 0, 2015, 2016, 3, 815, 406, 0, 2016, 2017,
        3, 793, 395, 0, 2017, 2018, 3, 805, 401, 0, 2018, 2019, 3, 803, 400, 0, 2019, 2020,
        3, 813, 405, 0, 2020, 306, 1, 0, 0, 0, 2021, 2022, 5, 62, 0, 0, 2022, 2023, 5, 61, 0,
        0, 2023, 308, 1, 0, 0, 0, 2024, 2025, 3, 789, 393, 0, 2025, 2026, 3, 811, 404, 0, 2026,
        2027, 3, 777, 387, 0, 2027, 2028, 3, 803, 400, 0, 2028, 2029, 3, 815, 406, 0, 2029,
        310, 1, 0, 0, 0, 2030, 2031, 3, 789, 393, 0, 2031, 2032, 3, 811, 404, 0, 2032, 2033,
        3, 777, 387, 0, 2033, 2034, 3, 807, 402, 0, 2034, 2035, 3, 791, 394, 0, 2035, 312,
        1, 0, 0, 0, 2036, 2037, 3, 789, 393, 0, 2037, 2038, 3, 811, 404, 0, 2038, 2039, 3,
        777, 387, 0, 2039, 2040, 3, 807, 402, 0, 2040, 2041, 3, 791, 394, 0, 2041, 2042,
        3, 813, 405, 0, 2042, 314, 1, 0, 0, 0, 2043, 2044, 3, 789, 393, 0, 2044, 2045, 3, 811,
        404, 0, 2045, 2046, 3, 805, 401, 0, 2046, 2047, 3, 817, 407, 0, 2047, 2048, 3, 807,
        402, 0, 2048, 316, 1, 0, 0, 0, 2049, 2050, 3, 789, 393, 0, 2050, 2051, 3, 811, 404,
        0, 2051, 2052, 3, 805, 401, 0, 2052, 2053, 3, 817, 407, 0, 2053, 2054, 3, 807, 402,
        0, 2054, 2055, 3, 813, 405, 0, 2055, 318, 1, 0, 0, 0, 2056, 2057, 5, 62, 0, 0, 2057,
        320, 1, 0, 0, 0, 2058, 2059, 3, 791, 394, 0, 2059, 2060, 3, 777, 387, 0, 2060, 2061,
        3, 801, 399, 0, 2061, 2062, 3, 801, 399, 0, 2062, 2063, 3, 793, 395, 0, 2063, 2064,
        3, 803, 400, 0, 2064, 2065, 3, 789, 393, 0, 2065, 322, 1, 0, 0, 0, 2066, 2067, 3, 791,
        394, 0, 2067, 2068, 3, 785, 391, 0, 2068, 2069, 3, 777, 387, 0, 2069, 2070, 3, 783,
        390, 0, 2070, 2071, 3, 785, 391, 0, 2071, 2072, 3, 811, 404, 0, 2072, 2073, 3, 813,
        405, 0, 2073, 324, 1, 0, 0, 0, 2074, 2075, 3, 791, 394, 0, 2075, 2076, 3, 805, 401,
        0, 2076, 2077, 3, 801, 399, 0, 2077, 2078, 3, 785, 391, 0, 2078, 326, 1, 0, 0, 0, 2079,
        2080, 3, 793, 395, 0, 2080, 2081, 3, 783, 390, 0, 2081, 328, 1, 0, 0, 0, 2082, 2083,
        3, 793, 395, 0, 2083, 2084, 3, 787, 392, 0, 2084, 330, 1, 0, 0, 0, 2085, 2086, 3, 793,
        395, 0, 2086, 2087, 3, 801, 399, 0, 2087, 2088, 3, 807, 402, 0, 2088, 2089, 3, 785,
        391, 0, 2089, 2090, 3, 811, 404, 0, 2090, 2091, 3, 813, 405, 0, 2091, 2092, 3, 805,
        401, 0, 2092, 2093, 3, 803, 400, 0, 2093, 2094, 3, 777, 387, 0, 2094, 2095, 3, 815,
        406, 0, 2095, 2096, 3, 785, 391, 0, 2096, 332, 1, 0, 0, 0, 2097, 2098, 3, 793, 395,
        0, 2098, 2099, 3, 801, 399, 0, 2099, 2100, 3, 801, 399, 0, 2100, 2101, 3, 817, 407,
        0, 2101, 2102, 3, 815, 406, 0, 2102, 2103, 3, 777, 387, 0, 2103, 2104, 3, 779, 388,
        0, 2104, 2105, 3, 799, 398, 0, 2105, 2106, 3, 785, 391, 0, 2106, 334, 1, 0, 0, 0, 2107,
        2108, 3, 793, 395, 0, 2108, 2109, 3, 803, 400, 0, 2109, 336, 1, 0, 0, 0, 2110, 2111,
        3, 793, 395, 0, 2111, 2112, 3, 803, 400, 0, 2112, 2113, 3, 783, 390, 0, 2113, 2114,
        3, 785, 391, 0, 2114, 2115, 3, 823, 410, 0, 2115, 338, 1, 0, 0, 0, 2116, 2117, 3, 793,
        395, 0, 2117, 2118, 3, 803, 400, 0, 2118, 2119, 3, 783, 390, 0, 2119, 2120, 3, 785,
        391, 0, 2120, 2121, 3, 823, 410, 0, 2121, 2122, 3, 785, 391, 0, 2122, 2123, 3, 813,
        405, 0, 2123, 340, 1, 0, 0, 0, 2124, 2125, 3, 793, 395, 0, 2125, 2126, 3, 803, 400,
        0, 2126, 2127, 3, 787, 392, 0, 2127, 342, 1, 0, 0, 0, 2128, 2129, 3, 793, 395, 0, 2129,
        2130, 3, 803, 400, 0, 2130, 2131, 3, 787, 392, 0, 2131, 2132, 3, 793, 395, 0, 2132,
        2133, 3, 803, 400, 0, 2133, 2134, 3, 793, 395, 0, 2134, 2135, 3, 815, 406, 0, 2135,
        2136, 3, 825, 411, 0, 2136, 344, 1, 0, 0, 0, 2137, 2138, 3, 793, 395, 0, 2138, 2139,
        3, 803, 400, 0, 2139, 2140, 3, 813, 405, 0, 2140, 2141, 3, 785, 391, 0, 2141, 2142,
        3, 811, 404, 0, 2142, 2143, 3, 815, 406, 0, 2143, 346, 1, 0, 0, 0, 2144, 2145, 3, 793,
        395, 0, 2145, 2146, 3, 803, 400, 0, 2146, 2147, 3, 815, 406, 0, 2147, 2148, 3, 805,
        401, 0, 2148, 348, 1, 0, 0, 0, 2149, 2150, 3, 793, 395, 0, 2150, 2151, 3, 803, 400,
        0, 2151, 2152, 3, 815, 406, 0, 2152, 350, 1, 0, 0, 0, 2153, 2154, 3, 793, 395, 0, 2154,
        2155, 3, 803, 400, 0, 2155, 2156, 3, 815, 406, 0, 2156, 2157, 3, 841, 419, 0, 2157,
        2158, 3, 837, 417, 0, 2158, 352, 1, 0, 0, 0, 2159, 2160, 3, 793, 395, 0, 2160, 2161,
        3, 803, 400, 0, 2161, 2162, 3, 815, 406, 0, 2162, 2163, 3, 835, 416, 0, 2163, 2164,
        3, 833, 415, 0, 2164, 354, 1, 0, 0, 0, 2165, 2166, 3, 793, 395, 0, 2166, 2167, 3, 803,
        400, 0, 2167, 2168, 3, 815, 406, 0, 2168, 2169, 3, 831, 414, 0, 2169, 2170, 3, 841,
        419, 0, 2170, 356, 1, 0, 0, 0, 2171, 2172, 3, 793, 395, 0, 2172, 2173, 3, 803, 400,
        0, 2173, 2174, 3, 815, 406, 0, 2174, 2175, 3, 845, 421, 0, 2175, 358, 1, 0, 0, 0, 2176,
        2177, 3, 793, 395, 0, 2177, 2178, 3, 803, 400, 0, 2178, 2179, 3, 815, 406, 0, 2179,
        2180, 3, 785, 391, 0, 2180, 2181, 3, 789, 393, 0, 2181, 2182, 3, 785, 391, 0, 2182,
        2183, 3, 811, 404, 0, 2183, 360, 1, 0, 0, 0, 2184, 2185, 3, 793, 395, 0, 2185, 2186,
        3, 803, 400, 0, 2186, 2187, 3, 815, 406, 0, 2187, 2188, 3, 785, 391, 0, 2188, 2189,
        3, 789, 393, 0, 2189, 2190, 3, 785, 391, 0, 2190, 2191, 3, 811, 404, 0, 2191, 2192,
        3, 841, 419, 0, 2192, 2193, 3, 837, 417, 0, 2193, 362, 1, 0, 0, 0, 2194, 2195, 3, 793,
        395, 0, 2195, 2196, 3, 803, 400, 0, 2196, 2197, 3, 815, 406, 0, 2197, 2198, 3, 785,
        391, 0, 2198, 2199, 3, 789, 393, 0, 2199, 2200, 3, 785, 391, 0, 2200, 2201, 3, 811,
        404, 0, 2201, 2202, 3, 835, 416, 0, 2202, 2203, 3, 833, 415, 0, 2203, 364, 1, 0, 0,
        0, 2204, 2205, 3, 793, 395, 0, 2205, 2206, 3, 803, 400, 0, 2206, 2207, 3, 815, 406,
        0, 2207, 2208, 3, 785, 391, 0, 2208, 2209, 3, 789, 393, 0, 2209, 2210, 3, 785, 391,
        0, 2210, 2211, 3, 811, 404, 0, 2211, 2212, 3, 831, 414, 0, 2212, 2213, 3, 841, 419,
        0, 2213, 366, 1, 0, 0, 0, 2214, 2215, 3, 793, 395, 0, 2215, 2216, 3, 803, 400, 0, 2216,
        2217, 3, 815, 406, 0, 2217, 2218, 3, 785, 391, 0, 2218, 2219, 3, 789, 393, 0, 2219,
        2220, 3, 785, 391, 0, 2220, 2221, 3, 811, 404, 0, 2221, 2222, 3, 845, 421, 0, 2222,
        368, 1, 0, 0, 0, 2223, 2224, 3, 793, 395, 0, 2224, 2225, 3, 813, 405, 0, 2225, 370,
        1, 0, 0, 0, 2226, 2227, 3, 795, 396, 0, 2227, 2228, 3, 805, 401, 0, 2228, 2229, 3,
        793, 395, 0, 2229, 2230, 3, 803, 400, 0, 2230, 372, 1, 0, 0, 0, 2231, 2232, 3, 797,
        397, 0, 2232, 2233, 3, 785, 391, 0, 2233, 2234, 3, 825, 411, 0, 2234, 374, 1, 0, 0,
        0, 2235, 2236, 3, 799, 398, 0, 2236, 2237, 3, 777, 387, 0, 2237, 2238, 3, 779, 388,
        0, 2238, 2239, 3, 785, 391, 0, 2239, 2240, 3, 799, 398, 0, 2240, 376, 1, 0, 0, 0, 2241,
        2242, 3, 799, 398, 0, 2242, 2243, 3, 777, 387, 0, 2243, 2244, 3, 779, 388, 0, 2244,
        2245, 3, 785, 391, 0, 2245, 2246, 3, 799, 398, 0, 2246, 2247, 3, 785, 391, 0, 2247,
        2248, 3, 783, 390, 0, 2248, 378, 1, 0, 0, 0, 2249, 2250, 3, 799, 398, 0, 2250, 2251,
        3, 777, 387, 0, 2251, 2252, 3, 779, 388, 0, 2252, 2253, 3, 785, 391, 0, 2253, 2254,
        3, 799, 398, 0, 2254, 2255, 3, 813, 405, 0, 2255, 380, 1, 0, 0, 0, 2256, 2257, 5, 38,
        0, 0, 2257, 382, 1, 0, 0, 0, 2258, 2259, 5, 33, 0, 0, 2259, 384, 1, 0, 0, 0, 2260, 2261,
        3, 799, 398, 0, 2261, 2262, 3, 777, 387, 0, 2262, 2263, 3, 803, 400, 0, 2263, 2264,
        3, 789, 393, 0, 2264, 2265, 3, 817, 407, 0, 2265, 2266, 3, 777, 387, 0, 2266, 2267,
        3, 789, 393, 0, 2267, 2268, 3, 785, 391, 0, 2268, 386, 1, 0, 0, 0, 2269, 2270, 5, 91,
        0, 0, 2270, 388, 1, 0, 0, 0, 2271, 2272, 5, 123, 0, 0, 2272, 2273, 1, 0, 0, 0, 2273,
        2274, 6, 193, 2, 0, 2274, 390, 1, 0, 0, 0, 2275, 2276, 5, 60, 0, 0, 2276, 2277, 5, 61,
        0, 0, 2277, 392, 1, 0, 0, 0, 2278, 2279, 3, 799, 398, 0, 2279, 2280, 3, 785, 391, 0,
        2280, 2281, 3, 777, 387, 0, 2281, 2282, 3, 783, 390, 0, 2282, 2283, 3, 793, 395,
        0, 2283, 2284, 3, 803, 400, 0, 2284, 2285, 3, 789, 393, 0, 2285, 394, 1, 0, 0, 0, 2286,
        2287, 3, 799, 398, 0, 2287, 2288, 3, 785, 391, 0, 2288, 2289, 3, 815, 406, 0, 2289,
        396, 1, 0, 0, 0, 2290, 2291, 3, 799, 398, 0, 2291, 2292, 3, 793, 395, 0, 2292, 2293,
        3, 801, 399, 0, 2293, 2294, 3, 793, 395, 0, 2294, 2295, 3, 815, 406, 0, 2295, 398,
        1, 0, 0, 0, 2296, 2297, 3, 799, 398, 0, 2297, 2298, 3, 793, 395, 0, 2298, 2299, 3,
        813, 405, 0, 2299, 2300, 3, 815, 406, 0, 2300, 400, 1, 0, 0, 0, 2301, 2302, 3, 799,
        398, 0, 2302, 2303, 3, 805, 401, 0, 2303, 2304, 3, 777, 387, 0, 2304, 2305, 3, 783,
        390, 0, 2305, 402, 1, 0, 0, 0, 2306, 2307, 3, 799, 398, 0, 2307, 2308, 3, 805, 401,
        0, 2308, 2309, 3, 781, 389, 0, 2309, 2310, 3, 777, 387, 0, 2310, 2311, 3, 799, 398,
        0, 2311, 404, 1, 0, 0, 0, 2312, 2313, 3, 799, 398, 0, 2313, 2314, 3, 805, 401, 0, 2314,
        2315, 3, 805, 401, 0, 2315, 2316, 3, 797, 397, 0, 2316, 2317, 3, 817, 407, 0, 2317,
        2318, 3, 807, 402, 0, 2318, 406, 1, 0, 0, 0, 2319, 2320, 5, 40, 0, 0, 2320, 408, 1,
        0, 0, 0, 2321, 2322, 5, 60, 0, 0, 2322, 410, 1, 0, 0, 0, 2323, 2324, 3, 801, 399, 0,
        2324, 2325, 3, 777, 387, 0, 2325, 2326, 3, 803, 400, 0, 2326, 2327, 3, 777, 387,
        0, 2327, 2328, 3, 789, 393, 0, 2328, 2329, 3, 785, 391, 0, 2329, 2330, 3, 801, 399,
        0, 2330, 2331, 3, 785, 391, 0, 2331, 2332, 3, 803, 400, 0, 2332, 2333, 3, 815, 406,
        0, 2333, 412, 1, 0, 0, 0, 2334, 2335, 3, 801, 399, 0, 2335, 2336, 3, 777, 387, 0, 2336,
        2337, 3, 803, 400, 0, 2337, 2338, 3, 791, 394, 0, 2338, 2339, 3, 777, 387, 0, 2339,
        2340, 3, 815, 406, 0, 2340, 2341, 3, 815, 406, 0, 2341, 2342, 3, 777, 387, 0, 2342,
        2343, 3, 803, 400, 0, 2343, 414, 1, 0, 0, 0, 2344, 2345, 3, 801, 399, 0, 2345, 2346,
        3, 777, 387, 0, 2346, 2347, 3, 807, 402, 0, 2347, 416, 1, 0, 0, 0, 2348, 2349, 3, 801,
        399, 0, 2349, 2350, 3, 777, 387, 0, 2350, 2351, 3, 815, 406, 0, 2351, 2352, 3, 781,
        389, 0, 2352, 2353, 3, 791, 394, 0, 2353, 418, 1, 0, 0, 0, 2354, 2355, 3, 801, 399,
        0, 2355, 2356, 3, 785, 391, 0, 2356, 2357, 3, 811, 404, 0, 2357, 2358, 3, 789, 393,
        0, 2358, 2359, 3, 785, 391, 0, 2359, 420, 1, 0, 0, 0, 2360, 2361, 3, 801, 399, 0, 2361,
        2362, 3, 785, 391, 0, 2362, 2363, 3, 815, 406, 0, 2363, 2364, 3, 777, 387, 0, 2364,
        2365, 3, 783, 390, 0, 2365, 2366, 3, 777, 387, 0, 2366, 2367, 3, 815, 406, 0, 2367,
        2368, 3, 777, 387, 0, 2368, 422, 1, 0, 0, 0, 2369, 2370, 5, 45, 0, 0, 2370, 424, 1,
        0, 0, 0, 2371, 2372, 5, 37, 0, 0, 2372, 426, 1, 0, 0, 0, 2373, 2374, 3, 793, 395, 0,
        2374, 2375, 3, 801, 399, 0, 2375, 2376, 3, 807, 402, 0, 2376, 2377, 3, 799, 398,
        0, 2377, 2378, 3, 793, 395, 0, 2378, 2379, 3, 785, 391, 0, 2379, 2380, 3, 813, 405,
        0, 2380, 428, 1, 0, 0, 0, 2381, 2382, 5, 33, 0, 0, 2382, 2383, 5, 61, 0, 0, 2383, 430,
        1, 0, 0, 0, 2384, 2385, 5, 60, 0, 0, 2385, 2386, 5, 62, 0, 0, 2386, 432, 1, 0, 0, 0, 2387,
        2388, 3, 803, 400, 0, 2388, 2389, 3, 777, 387, 0, 2389, 2390, 3, 801, 399, 0, 2390,
        2391, 3, 785, 391, 0, 2391, 434, 1, 0, 0, 0, 2392, 2393, 3, 803, 400, 0, 2393, 2394,
        3, 777, 387, 0, 2394, 2395, 3, 801, 399, 0, 2395, 2396, 3, 785, 391, 0, 2396, 2397,
        3, 813, 405, 0, 2397, 436, 1, 0, 0, 0, 2398, 2399, 3, 803, 400, 0, 2399, 2400, 3, 777,
        387, 0, 2400, 2401, 3, 803, 400, 0, 2401, 438, 1, 0, 0, 0, 2402, 2403, 3, 803, 400,
        0, 2403, 2404, 3, 787, 392, 0, 2404, 2405, 3, 781, 389, 0, 2405, 440, 1, 0, 0, 0, 2406,
        2407, 3, 803, 400, 0, 2407, 2408, 3, 787, 392, 0, 2408, 2409, 3, 783, 390, 0, 2409,
        442, 1, 0, 0, 0, 2410, 2411, 3, 803, 400, 0, 2411, 2412, 3, 787, 392, 0, 2412, 2413,
        3, 797, 397, 0, 2413, 2414, 3, 781, 389, 0, 2414, 444, 1, 0, 0, 0, 2415, 2416, 3, 803,
        400, 0, 2416, 2417, 3, 787, 392, 0, 2417, 2418, 3, 797, 397, 0, 2418, 2419, 3, 783,
        390, 0, 2419, 446, 1, 0, 0, 0, 2420, 2421, 3, 803, 400, 0, 2421, 2422, 3, 785, 391,
        0, 2422, 2423, 3, 821, 409, 0, 2423, 448, 1, 0, 0, 0, 2424, 2425, 3, 803, 400, 0, 2425,
        2426, 3, 785, 391, 0, 2426, 2427, 3, 823, 410, 0, 2427, 2428, 3, 815, 406, 0, 2428,
        450, 1, 0, 0, 0, 2429, 2430, 3, 803, 400, 0, 2430, 2431, 3, 805, 401, 0, 2431, 2432,
        3, 783, 390, 0, 2432, 2433, 3, 785, 391, 0, 2433, 452, 1, 0, 0, 0, 2434, 2435, 3, 803,
        400, 0, 2435, 2436, 3, 805, 401, 0, 2436, 2437, 3, 783, 390, 0, 2437, 2438, 3, 785,
        391, 0, 2438, 2439, 3, 815, 406, 0, 2439, 2440, 3, 777, 387, 0, 2440, 2441, 3, 781,
        389, 0, 2441, 2442, 3, 791, 394, 0, 2442, 454, 1, 0, 0, 0, 2443, 2444, 3, 803, 400,
        0, 2444, 2445, 3, 805, 401, 0, 2445, 2446, 3, 783, 390, 0, 2446, 2447, 3, 785, 391,
        0, 2447, 2448, 3, 813, 405, 0, 2448, 456, 1, 0, 0, 0, 2449, 2450, 3, 803, 400, 0, 2450,
        2451, 3, 805, 401, 0, 2451, 2452, 3, 803, 400, 0, 2452, 2453, 3, 785, 391, 0, 2453,
        458, 1, 0, 0, 0, 2454, 2455, 3, 803, 400, 0, 2455, 2456, 3, 805, 401, 0, 2456, 2457,
        3, 811, 404, 0, 2457, 2458, 3, 801, 399, 0, 2458, 2459, 3, 777, 387, 0, 2459, 2460,
        3, 799, 398, 0, 2460, 2461, 3, 793, 395, 0, 2461, 2462, 3, 827, 412, 0, 2462, 2463,
        3, 785, 391, 0, 2463, 460, 1, 0, 0, 0, 2464, 2465, 3, 803, 400, 0, 2465, 2466, 3, 805,
        401, 0, 2466, 2467, 3, 811, 404, 0, 2467, 2468, 3, 801, 399, 0, 2468, 2469, 3, 777,
        387, 0, 2469, 2470, 3, 799, 398, 0, 2470, 2471, 3, 793, 395, 0, 2471, 2472, 3, 827,
        412, 0, 2472, 2473, 3, 785, 391, 0, 2473, 2474, 3, 783, 390, 0, 2474, 462, 1, 0, 0,
        0, 2475, 2476, 3, 803, 400, 0, 2476, 2477, 3, 805, 401, 0, 2477, 2478, 3, 815, 406,
        0, 2478, 464, 1, 0, 0, 0, 2479, 2480, 3, 803, 400, 0, 2480, 2481, 3, 805, 401, 0, 2481,
        2482, 3, 815, 406, 0, 2482, 2483, 3, 791, 394, 0, 2483, 2484, 3, 793, 395, 0, 2484,
        2485, 3, 803, 400, 0, 2485, 2486, 3, 789, 393, 0, 2486, 466, 1, 0, 0, 0, 2487, 2488,
        3, 803, 400, 0, 2488, 2489, 3, 805, 401, 0, 2489, 2490, 3, 821, 409, 0, 2490, 2491,
        3, 777, 387, 0, 2491, 2492, 3, 793, 395, 0, 2492, 2493, 3, 815, 406, 0, 2493, 468,
        1, 0, 0, 0, 2494, 2495, 3, 803, 400, 0, 2495, 2496, 3, 817, 407, 0, 2496, 2497, 3,
        799, 398, 0, 2497, 2498, 3, 799, 398, 0, 2498, 470, 1, 0, 0, 0, 2499, 2500, 5, 42,
        0, 0, 2500, 2501, 5, 42, 0, 0, 2501, 2502, 5, 42, 0, 0, 2502, 2503, 5, 42, 0, 0, 2503,
        2504, 5, 42, 0, 0, 2504, 2505, 5, 42, 0, 0, 2505, 472, 1, 0, 0, 0, 2506, 2507, 3, 805,
        401, 0, 2507, 2508, 3, 787, 392, 0, 2508, 474, 1, 0, 0, 0, 2509, 2510, 3, 805, 401,
        0, 2510, 2511, 3, 787, 392, 0, 2511, 2512, 3, 787, 392, 0, 2512, 2513, 3, 813, 405,
        0, 2513, 2514, 3, 785, 391, 0, 2514, 2515, 3, 815, 406, 0, 2515, 476, 1, 0, 0, 0, 2516,
        2517, 3, 805, 401, 0, 2517, 2518, 3, 793, 395, 0, 2518, 2519, 3, 783, 390, 0, 2519,
        2520, 3, 781, 389, 0, 2520, 478, 1, 0, 0, 0, 2521, 2522, 3, 805, 401, 0, 2522, 2523,
        3, 803, 400, 0, 2523, 480, 1, 0, 0, 0, 2524, 2525, 3, 805, 401, 0, 2525, 2526, 3, 803,
        400, 0, 2526, 2527, 3, 799, 398, 0, 2527, 2528, 3, 825, 411, 0, 2528, 482, 1, 0, 0,
        0, 2529, 2530, 3, 805, 401, 0, 2530, 2531, 3, 807, 402, 0, 2531, 2532, 3, 815, 406,
        0, 2532, 2533, 3, 793, 395, 0, 2533, 2534, 3, 805, 401, 0, 2534, 2535, 3, 803, 400,
        0, 2535, 2536, 3, 777, 387, 0, 2536, 2537, 3, 799, 398, 0, 2537, 484, 1, 0, 0, 0, 2538,
        2539, 3, 805, 401, 0, 2539, 2540, 3, 807, 402, 0, 2540, 2541, 3, 815, 406, 0, 2541,
        2542, 3, 793, 395, 0, 2542, 2543, 3, 805, 401, 0, 2543, 2544, 3, 803, 400, 0, 2544,
        2545, 3, 813, 405, 0, 2545, 486, 1, 0, 0, 0, 2546, 2547, 3, 805, 401, 0, 2547, 2548,
        3, 807, 402, 0, 2548, 2549, 3, 815, 406, 0, 2549, 2550, 3, 793, 395, 0, 2550, 2551,
        3, 805, 401, 0, 2551, 2552, 3, 803, 400, 0, 2552, 488, 1, 0, 0, 0, 2553, 2554, 3, 805,
        401, 0, 2554, 2555, 3, 811, 404, 0, 2555, 490, 1, 0, 0, 0, 2556, 2557, 3, 805, 401,
        0, 2557, 2558, 3, 811, 404, 0, 2558, 2559, 3, 783, 390, 0, 2559, 2560, 3, 785, 391,
        0, 2560, 2561, 3, 811, 404, 0, 2561, 492, 1, 0, 0, 0, 2562, 2563, 3, 807, 402, 0, 2563,
        2564, 3, 777, 387, 0, 2564, 2565, 3, 813, 405, 0, 2565, 2566, 3, 813, 405, 0, 2566,
        2567, 3, 821, 409, 0, 2567, 2568, 3, 805, 401, 0, 2568, 2569, 3, 811, 404, 0, 2569,
        2570, 3, 783, 390, 0, 2570, 494, 1, 0, 0, 0, 2571, 2572, 3, 807, 402, 0, 2572, 2573,
        3, 777, 387, 0, 2573, 2574, 3, 813, 405, 0, 2574, 2575, 3, 813, 405, 0, 2575, 2576,
        3, 821, 409, 0, 2576, 2577, 3, 805, 401, 0, 2577, 2578, 3, 811, 404, 0, 2578, 2579,
        3, 783, 390, 0, 2579, 2580, 3, 813, 405, 0, 2580, 496, 1, 0, 0, 0, 2581, 2582, 3, 807,
        402, 0, 2582, 2583, 3, 777, 387, 0, 2583, 2584, 3, 815, 406, 0, 2584, 2585, 3, 791,
        394, 0, 2585, 498, 1, 0, 0, 0, 2586, 2587, 3, 807, 402, 0, 2587, 2588, 3, 777, 387,
        0, 2588, 2589, 3, 815, 406, 0, 2589, 2590, 3, 791, 394, 0, 2590, 2591, 3, 813, 405,
        0, 2591, 500, 1, 0, 0, 0, 2592, 2593, 3, 807, 402, 0, 2593, 2594, 3, 799, 398, 0, 2594,
        2595, 3, 777, 387, 0, 2595, 2596, 3, 793, 395, 0, 2596, 2597, 3, 803, 400, 0, 2597,
        2598, 3, 815, 406, 0, 2598, 2599, 3, 785, 391, 0, 2599, 2600, 3, 823, 410, 0, 2600,
        2601, 3, 815, 406, 0, 2601, 502, 1, 0, 0, 0, 2602, 2603, 5, 43, 0, 0, 2603, 504, 1,
        0, 0, 0, 2604, 2605, 5, 43, 0, 0, 2605, 2606, 5, 61, 0, 0, 2606, 506, 1, 0, 0, 0, 2607,
        2608, 3, 807, 402, 0, 2608, 2609, 3, 805, 401, 0, 2609, 2610, 3, 793, 395, 0, 2610,
        2611, 3, 803, 400, 0, 2611, 2612, 3, 815, 406, 0, 2612, 508, 1, 0, 0, 0, 2613, 2614,
        3, 807, 402, 0, 2614, 2615, 3, 805, 401, 0, 2615, 2616, 3, 807, 402, 0, 2616, 2617,
        3, 817, 407, 0, 2617, 2618, 3, 799, 398, 0, 2618, 2619, 3, 777, 387, 0, 2619, 2620,
        3, 815, 406, 0, 2620, 2621, 3, 785, 391, 0, 2621, 2622, 3, 783, 390, 0, 2622, 510,
        1, 0, 0, 0, 2623, 2624, 5, 94, 0, 0, 2624, 512, 1, 0, 0, 0, 2625, 2626, 3, 807, 402,
        0, 2626, 2627, 3, 811, 404, 0, 2627, 2628, 3, 793, 395, 0, 2628, 2629, 3, 801, 399,
        0, 2629, 2630, 3, 777, 387, 0, 2630, 2631, 3, 811, 404, 0, 2631, 2632, 3, 825, 411,
        0, 2632, 514, 1, 0, 0, 0, 2633, 2634, 3, 807, 402, 0, 2634, 2635, 3, 811, 404, 0, 2635,
        2636, 3, 793, 395, 0, 2636, 2637, 3, 801, 399, 0, 2637, 2638, 3, 777, 387, 0, 2638,
        2639, 3, 811, 404, 0, 2639, 2640, 3, 793, 395, 0, 2640, 2641, 3, 785, 391, 0, 2641,
        2642, 3, 813, 405, 0, 2642, 516, 1, 0, 0, 0, 2643, 2644, 3, 807, 402, 0, 2644, 2645,
        3, 811, 404, 0, 2645, 2646, 3, 793, 395, 0, 2646, 2647, 3, 819, 408, 0, 2647, 2648,
        3, 793, 395, 0, 2648, 2649, 3, 799, 398, 0, 2649, 2650, 3, 785, 391, 0, 2650, 2651,
        3, 789, 393, 0, 2651, 2652, 3, 785, 391, 0, 2652, 518, 1, 0, 0, 0, 2653, 2654, 3, 807,
        402, 0, 2654, 2655, 3, 811, 404, 0, 2655, 2656, 3, 793, 395, 0, 2656, 2657, 3, 819,
        408, 0, 2657, 2658, 3, 793, 395, 0, 2658, 2659, 3, 799, 398, 0, 2659, 2660, 3, 785,
        391, 0, 2660, 2661, 3, 789, 393, 0, 2661, 2662, 3, 785, 391, 0, 2662, 2663, 3, 813,
        405, 0, 2663, 520, 1, 0, 0, 0, 2664, 2665, 3, 807, 402, 0, 2665, 2666, 3, 811, 404,
        0, 2666, 2667, 3, 805, 401, 0, 2667, 2668, 3, 781, 389, 0, 2668, 2669, 3, 785, 391,
        0, 2669, 2670, 3, 783, 390, 0, 2670, 2671, 3, 817, 407, 0, 2671, 2672, 3, 811, 404,
        0, 2672, 2673, 3, 785, 391, 0, 2673, 522, 1, 0, 0, 0, 2674, 2675, 3, 807, 402, 0, 2675,
        2676, 3, 811, 404, 0, 2676, 2677, 3, 805, 401, 0, 2677, 2678, 3, 781, 389, 0, 2678,
        2679, 3, 785, 391, 0, 2679, 2680, 3, 783, 390, 0, 2680, 2681, 3, 817, 407, 0, 2681,
        2682, 3, 811, 404, 0, 2682, 2683, 3, 785, 391, 0, 2683, 2684, 3, 813, 405, 0, 2684,
        524, 1, 0, 0, 0, 2685, 2686, 3, 807, 402, 0, 2686, 2687, 3, 811, 404, 0, 2687, 2688,
        3, 805, 401, 0, 2688, 2689, 3, 807, 402, 0, 2689, 2690, 3, 785, 391, 0, 2690, 2691,
        3, 811, 404, 0, 2691, 2692, 3, 815, 406, 0, 2692, 2693, 3, 793, 395, 0, 2693, 2694,
        3, 785, 391, 0, 2694, 2695, 3, 813, 405, 0, 2695, 526, 1, 0, 0, 0, 2696, 2697, 3, 807,
        402, 0, 2697, 2698, 3, 811, 404, 0, 2698, 2699, 3, 805, 401, 0, 2699, 2700, 3, 807,
        402, 0, 2700, 2701, 3, 785, 391, 0, 2701, 2702, 3, 811, 404, 0, 2702, 2703, 3, 815,
        406, 0, 2703, 2704, 3, 825, 411, 0, 2704, 2705, 5, 95, 0, 0, 2705, 2706, 3, 785, 391,
        0, 2706, 2707, 3, 823, 410, 0, 2707, 2708, 3, 793, 395, 0, 2708, 2709, 3, 813, 405,
        0, 2709, 2710, 3, 815, 406, 0, 2710, 2711, 3, 813, 405, 0, 2711, 528, 1, 0, 0, 0, 2712,
        2713, 3, 807, 402, 0, 2713, 2714, 3, 811, 404, 0, 2714, 2715, 3, 805, 401, 0, 2715,
        2716, 3, 807, 402, 0, 2716, 2717, 3, 785, 391, 0, 2717, 2718, 3, 811, 404, 0, 2718,
        2719, 3, 815, 406, 0, 2719, 2720, 3, 825, 411, 0, 2720, 530, 1, 0, 0, 0, 2721, 2722,
        3, 807, 402, 0, 2722, 2723, 3, 811, 404, 0, 2723, 2724, 3, 805, 401, 0, 2724, 2725,
        3, 819, 408, 0, 2725, 2726, 3, 793, 395, 0, 2726, 2727, 3, 783, 390, 0, 2727, 2728,
        3, 785, 391, 0, 2728, 2729, 3, 811, 404, 0, 2729, 532, 1, 0, 0, 0, 2730, 2731, 3, 807,
        402, 0, 2731, 2732, 3, 811, 404, 0, 2732, 2733, 3, 805, 401, 0, 2733, 2734, 3, 819,
        408, 0, 2734, 2735, 3, 793, 395, 0, 2735, 2736, 3, 783, 390, 0, 2736, 2737, 3, 785,
        391, 0, 2737, 2738, 3, 811, 404, 0, 2738, 2739, 3, 813, 405, 0, 2739, 534, 1, 0, 0,
        0, 2740, 2741, 5, 63, 0, 0, 2741, 536, 1, 0, 0, 0, 2742, 2743, 3, 811, 404, 0, 2743,
        2744, 3, 777, 387, 0, 2744, 2745, 3, 803, 400, 0, 2745, 2746, 3, 789, 393, 0, 2746,
        2747, 3, 785, 391, 0, 2747, 538, 1, 0, 0, 0, 2748, 2749, 5, 93, 0, 0, 2749, 540, 1,
        0, 0, 0, 2750, 2751, 3, 811, 404, 0, 2751, 2752, 3, 785, 391, 0, 2752, 2753, 3, 777,
        387, 0, 2753, 2754, 3, 783, 390, 0, 2754, 542, 1, 0, 0, 0, 2755, 2756, 3, 811, 404,
        0, 2756, 2757, 3, 785, 391, 0, 2757, 2758, 3, 777, 387, 0, 2758, 2759, 3, 799, 398,
        0, 2759, 2760, 3, 799, 398, 0, 2760, 2761, 3, 805, 401, 0, 2761, 2762, 3, 781, 389,
        0, 2762, 2763, 3, 777, 387, 0, 2763, 2764, 3, 815, 406, 0, 2764, 2765, 3, 785, 391,
        0, 2765, 544, 1, 0, 0, 0, 2766, 2767, 3, 811, 404, 0, 2767, 2768, 3, 785, 391, 0, 2768,
        2769, 3, 783, 390, 0, 2769, 2770, 3, 817, 407, 0, 2770, 2771, 3, 781, 389, 0, 2771,
        2772, 3, 785, 391, 0, 2772, 546, 1, 0, 0, 0, 2773, 2774, 3, 811, 404, 0, 2774, 2775,
        3, 785, 391, 0, 2775, 2776, 3, 803, 400, 0, 2776, 2777, 3, 777, 387, 0, 2777, 2778,
        3, 801, 399, 0, 2778, 2779, 3, 785, 391, 0, 2779, 548, 1, 0, 0, 0, 2780, 2781, 5, 61,
        0, 0, 2781, 2782, 5, 126, 0, 0, 2782, 550, 1, 0, 0, 0, 2783, 2784, 3, 811, 404, 0, 2784,
        2785, 3, 785, 391, 0, 2785, 2786, 3, 799, 398, 0, 2786, 552, 1, 0, 0, 0, 2787, 2788,
        3, 811, 404, 0, 2788, 2789, 3, 785, 391, 0, 2789, 2790, 3, 799, 398, 0, 2790, 2791,
        3, 777, 387, 0, 2791, 2792, 3, 815, 406, 0, 2792, 2793, 3, 793, 395, 0, 2793, 2794,
        3, 805, 401, 0, 2794, 2795, 3, 803, 400, 0, 2795, 2796, 3, 813, 405, 0, 2796, 2797,
        3, 791, 394, 0, 2797, 2798, 3, 793, 395, 0, 2798, 2799, 3, 807, 402, 0, 2799, 554,
        1, 0, 0, 0, 2800, 2801, 3, 811, 404, 0, 2801, 2802, 3, 785, 391, 0, 2802, 2803, 3,
        799, 398, 0, 2803, 2804, 3, 777, 387, 0, 2804, 2805, 3, 815, 406, 0, 2805, 2806,
        3, 793, 395, 0, 2806, 2807, 3, 805, 401, 0, 2807, 2808, 3, 803, 400, 0, 2808, 2809,
        3, 813, 405, 0, 2809, 2810, 3, 791, 394, 0, 2810, 2811, 3, 793, 395, 0, 2811, 2812,
        3, 807, 402, 0, 2812, 2813, 3, 813, 405, 0, 2813, 556, 1, 0, 0, 0, 2814, 2815, 3, 811,
        404, 0, 2815, 2816, 3, 785, 391, 0, 2816, 2817, 3, 801, 399, 0, 2817, 2818, 3, 805,
        401, 0, 2818, 2819, 3, 819, 408, 0, 2819, 2820, 3, 785, 391, 0, 2820, 558, 1, 0, 0,
        0, 2821, 2822, 3, 811, 404, 0, 2822, 2823, 3, 785, 391, 0, 2823, 2824, 3, 807, 402,
        0, 2824, 2825, 3, 785, 391, 0, 2825, 2826, 3, 777, 387, 0, 2826, 2827, 3, 815, 406,
        0, 2827, 2828, 3, 777, 387, 0, 2828, 2829, 3, 779, 388, 0, 2829, 2830, 3, 799, 398,
        0, 2830, 2831, 3, 785, 391, 0, 2831, 560, 1, 0, 0, 0, 2832, 2833, 3, 811, 404, 0, 2833,
        2834, 3, 785, 391, 0, 2834, 2835, 3, 807, 402, 0, 2835, 2836, 3, 799, 398, 0, 2836,
        2837, 3, 777, 387, 0, 2837, 2838, 3, 781, 389, 0, 2838, 2839, 3, 785, 391, 0, 2839,
        562, 1, 0, 0, 0, 2840, 2841, 3, 811, 404, 0, 2841, 2842, 3, 785, 391, 0, 2842, 2843,
        3, 807, 402, 0, 2843, 2844, 3, 799, 398, 0, 2844, 2845, 3, 793, 395, 0, 2845, 2846,
        3, 781, 389, 0, 2846, 2847, 3, 777, 387, 0, 2847, 564, 1, 0, 0, 0, 2848, 2849, 3, 811,
        404, 0, 2849, 2850, 3, 785, 391, 0, 2850, 2851, 3, 807, 402, 0, 2851, 2852, 3, 799,
        398, 0, 2852, 2853, 3, 793, 395, 0, 2853, 2854, 3, 781, 389, 0, 2854, 2855, 3, 777,
        387, 0, 2855, 2856, 3, 813, 405, 0, 2856, 566, 1, 0, 0, 0, 2857, 2858, 3, 811, 404,
        0, 2858, 2859, 3, 785, 391, 0, 2859, 2860, 3, 807, 402, 0, 2860, 2861, 3, 805, 401,
        0, 2861, 2862, 3, 811, 404, 0, 2862, 2863, 3, 815, 406, 0, 2863, 568, 1, 0, 0, 0, 2864,
        2865, 3, 811, 404, 0, 2865, 2866, 3, 785, 391, 0, 2866, 2867, 3, 809, 403, 0, 2867,
        2868, 3, 817, 407, 0, 2868, 2869, 3, 793, 395, 0, 2869, 2870, 3, 811, 404, 0, 2870,
        2871, 3, 785, 391, 0, 2871, 570, 1, 0, 0, 0, 2872, 2873, 3, 811, 404, 0, 2873, 2874,
        3, 785, 391, 0, 2874, 2875, 3, 809, 403, 0, 2875, 2876, 3, 817, 407, 0, 2876, 2877,
        3, 793, 395, 0, 2877, 2878, 3, 811, 404, 0, 2878, 2879, 3, 785, 391, 0, 2879, 2880,
        3, 783, 390, 0, 2880, 572, 1, 0, 0, 0, 2881, 2882, 3, 811, 404, 0, 2882, 2883, 3, 785,
        391, 0, 2883, 2884, 3, 813, 405, 0, 2884, 2885, 3, 815, 406, 0, 2885, 2886, 3, 811,
        404, 0, 2886, 2887, 3, 793, 395, 0, 2887, 2888, 3, 781, 389, 0, 2888, 2889, 3, 815,
        406, 0, 2889, 574, 1, 0, 0, 0, 2890, 2891, 3, 811, 404, 0, 2891, 2892, 3, 785, 391,
        0, 2892, 2893, 3, 815, 406, 0, 2893, 2894, 3, 811, 404, 0, 2894, 2895, 3, 825, 411,
        0, 2895, 576, 1, 0, 0, 0, 2896, 2897, 3, 811, 404, 0, 2897, 2898, 3, 785, 391, 0, 2898,
        2899, 3, 815, 406, 0, 2899, 2900, 3, 817, 407, 0, 2900, 2901, 3, 811, 404, 0, 2901,
        2902, 3, 803, 400, 0, 2902, 578, 1, 0, 0, 0, 2903, 2904, 3, 811, 404, 0, 2904, 2905,
        3, 785, 391, 0, 2905, 2906, 3, 819, 408, 0, 2906, 2907, 3, 805, 401, 0, 2907, 2908,
        3, 797, 397, 0, 2908, 2909, 3, 785, 391, 0, 2909, 580, 1, 0, 0, 0, 2910, 2911, 3, 811,
        404, 0, 2911, 2912, 3, 805, 401, 0, 2912, 2913, 3, 799, 398, 0, 2913, 2914, 3, 785,
        391, 0, 2914, 582, 1, 0, 0, 0, 2915, 2916, 3, 811, 404, 0, 2916, 2917, 3, 805, 401,
        0, 2917, 2918, 3, 799, 398, 0, 2918, 2919, 3, 785, 391, 0, 2919, 2920, 3, 813, 405,
        0, 2920, 584, 1, 0, 0, 0, 2921, 2922, 3, 811, 404, 0, 2922, 2923, 3, 805, 401, 0, 2923,
        2924, 3, 821, 409, 0, 2924, 586, 1, 0, 0, 0, 2925, 2926, 3, 811, 404, 0, 2926, 2927,
        3, 805, 401, 0, 2927, 2928, 3, 821, 409, 0, 2928, 2929, 3, 813, 405, 0, 2929, 588,
        1, 0, 0, 0, 2930, 2931, 3, 811, 404, 0, 2931, 2932, 3, 817, 407, 0, 2932, 2933, 3,
        799, 398, 0, 2933, 2934, 3, 785, 391, 0, 2934, 590, 1, 0, 0, 0, 2935, 2936, 3, 811,
        404, 0, 2936, 2937, 3, 817, 407, 0, 2937, 2938, 3, 799, 398, 0, 2938, 2939, 3, 785,
        391, 0, 2939, 2940, 3, 813, 405, 0, 2940, 592, 1, 0, 0, 0, 2941, 2942, 5, 41, 0, 0,
        2942, 594, 1, 0, 0, 0, 2943, 2944, 3, 813, 405, 0, 2944, 2945, 3, 781, 389, 0, 2945,
        2946, 3, 777, 387, 0, 2946, 2947, 3, 803, 400, 0, 2947, 596, 1, 0, 0, 0, 2948, 2949,
        3, 813, 405, 0, 2949, 2950, 3, 781, 389, 0, 2950, 2951, 3, 805, 401, 0, 2951, 2952,
        3, 811, 404, 0, 2952, 2953, 3, 785, 391, 0, 2953, 598, 1, 0, 0, 0, 2954, 2955, 3, 813,
        405, 0, 2955, 2956, 3, 785, 391, 0, 2956, 2957, 3, 777, 387, 0, 2957, 2958, 3, 811,
        404, 0, 2958, 2959, 3, 781, 389, 0, 2959, 2960, 3, 791, 394, 0, 2960, 600, 1, 0, 0,
        0, 2961, 2962, 3, 813, 405, 0, 2962, 2963, 3, 785, 391, 0, 2963, 2964, 3, 781, 389,
        0, 2964, 602, 1, 0, 0, 0, 2965, 2966, 3, 813, 405, 0, 2966, 2967, 3, 785, 391, 0, 2967,
        2968, 3, 781, 389, 0, 2968, 2969, 3, 805, 401, 0, 2969, 2970, 3, 803, 400, 0, 2970,
        2971, 3, 783, 390, 0, 2971, 604, 1, 0, 0, 0, 2972, 2973, 3, 813, 405, 0, 2973, 2974,
        3, 785, 391, 0, 2974, 2975, 3, 781, 389, 0, 2975, 2976, 3, 805, 401, 0, 2976, 2977,
        3, 803, 400, 0, 2977, 2978, 3, 783, 390, 0, 2978, 2979, 3, 777, 387, 0, 2979, 2980,
        3, 811, 404, 0, 2980, 2981, 3, 825, 411, 0, 2981, 606, 1, 0, 0, 0, 2982, 2983, 3, 813,
        405, 0, 2983, 2984, 3, 785, 391, 0, 2984, 2985, 3, 781, 389, 0, 2985, 2986, 3, 805,
        401, 0, 2986, 2987, 3, 803, 400, 0, 2987, 2988, 3, 783, 390, 0, 2988, 2989, 3, 777,
        387, 0, 2989, 2990, 3, 811, 404, 0, 2990, 2991, 3, 793, 395, 0, 2991, 2992, 3, 785,
        391, 0, 2992, 2993, 3, 813, 405, 0, 2993, 608, 1, 0, 0, 0, 2994, 2995, 3, 813, 405,
        0, 2995, 2996, 3, 785, 391, 0, 2996, 2997, 3, 781, 389, 0, 2997, 2998, 3, 805, 401,
        0, 2998, 2999, 3, 803, 400, 0, 2999, 3000, 3, 783, 390, 0, 3000, 3001, 3, 813, 405,
        0, 3001, 610, 1, 0, 0, 0, 3002, 3003, 3, 813, 405, 0, 3003, 3004, 3, 785, 391, 0, 3004,
        3005, 3, 781, 389, 0, 3005, 3006, 3, 811, 404, 0, 3006, 3007, 3, 785, 391, 0, 3007,
        3008, 3, 815, 406, 0, 3008, 612, 1, 0, 0, 0, 3009, 3010, 3, 813, 405, 0, 3010, 3011,
        3, 785, 391, 0, 3011, 3012, 3, 781, 389, 0, 3012, 3013, 3, 811, 404, 0, 3013, 3014,
        3, 785, 391, 0, 3014, 3015, 3, 815, 406, 0, 3015, 3016, 3, 813, 405, 0, 3016, 614,
        1, 0, 0, 0, 3017, 3018, 3, 813, 405, 0, 3018, 3019, 3, 785, 391, 0, 3019, 3020, 3,
        785, 391, 0, 3020, 3021, 3, 797, 397, 0, 3021, 616, 1, 0, 0, 0, 3022, 3023, 5, 59,
        0, 0, 3023, 618, 1, 0, 0, 0, 3024, 3025, 3, 813, 405, 0, 3025, 3026, 3, 785, 391, 0,
        3026, 3027, 3, 811, 404, 0, 3027, 3028, 3, 819, 408, 0, 3028, 3029, 3, 785, 391,
        0, 3029, 3030, 3, 811, 404, 0, 3030, 620, 1, 0, 0, 0, 3031, 3032, 3, 813, 405, 0, 3032,
        3033, 3, 785, 391, 0, 3033, 3034, 3, 811, 404, 0, 3034, 3035, 3, 819, 408, 0, 3035,
        3036, 3, 785, 391, 0, 3036, 3037, 3, 811, 404, 0, 3037, 3038, 3, 813, 405, 0, 3038,
        622, 1, 0, 0, 0, 3039, 3040, 3, 813, 405, 0, 3040, 3041, 3, 785, 391, 0, 3041, 3042,
        3, 815, 406, 0, 3042, 624, 1, 0, 0, 0, 3043, 3044, 3, 813, 405, 0, 3044, 3045, 3, 785,
        391, 0, 3045, 3046, 3, 815, 406, 0, 3046, 3047, 3, 815, 406, 0, 3047, 3048, 3, 793,
        395, 0, 3048, 3049, 3, 803, 400, 0, 3049, 3050, 3, 789, 393, 0, 3050, 626, 1, 0, 0,
        0, 3051, 3052, 3, 813, 405, 0, 3052, 3053, 3, 785, 391, 0, 3053, 3054, 3, 815, 406,
        0, 3054, 3055, 3, 815, 406, 0, 3055, 3056, 3, 793, 395, 0, 3056, 3057, 3, 803, 400,
        0, 3057, 3058, 3, 789, 393, 0, 3058, 3059, 3, 813, 405, 0, 3059, 628, 1, 0, 0, 0, 3060,
        3061, 3, 813, 405, 0, 3061, 3062, 3, 791, 394, 0, 3062, 3063, 3, 777, 387, 0, 3063,
        3064, 3, 811, 404, 0, 3064, 3065, 3, 783, 390, 0, 3065, 630, 1, 0, 0, 0, 3066, 3067,
        3, 813, 405, 0, 3067, 3068, 3, 791, 394, 0, 3068, 3069, 3, 777, 387, 0, 3069, 3070,
        3, 811, 404, 0, 3070, 3071, 3, 783, 390, 0, 3071, 3072, 3, 813, 405, 0, 3072, 632,
        1, 0, 0, 0, 3073, 3074, 3, 813, 405, 0, 3074, 3075, 3, 791, 394, 0, 3075, 3076, 3,
        805, 401, 0, 3076, 3077, 3, 811, 404, 0, 3077, 3078, 3, 815, 406, 0, 3078, 3079,
        3, 785, 391, 0, 3079, 3080, 3, 813, 405, 0, 3080, 3081, 3, 815, 406, 0, 3081, 3082,
        3, 807, 402, 0, 3082, 3083, 3, 777, 387, 0, 3083, 3084, 3, 815, 406, 0, 3084, 3085,
        3, 791, 394, 0, 3085, 634, 1, 0, 0, 0, 3086, 3087, 3, 813, 405, 0, 3087, 3088, 3, 791,
        394, 0, 3088, 3089, 3, 805, 401, 0, 3089, 3090, 3, 811, 404, 0, 3090, 3091, 3, 815,
        406, 0, 3091, 3092, 3, 785, 391, 0, 3092, 3093, 3, 813, 405, 0, 3093, 3094, 3, 815,
        406, 0, 3094, 636, 1, 0, 0, 0, 3095, 3096, 3, 813, 405, 0, 3096, 3097, 3, 791, 394,
        0, 3097, 3098, 3, 805, 401, 0, 3098, 3099, 3, 821, 409, 0, 3099, 638, 1, 0, 0, 0, 3100,
        3101, 3, 813, 405, 0, 3101, 3102, 3, 793, 395, 0, 3102, 3103, 3, 789, 393, 0, 3103,
        3104, 3, 803, 400, 0, 3104, 3105, 3, 785, 391, 0, 3105, 3106, 3, 783, 390, 0, 3106,
        640, 1, 0, 0, 0, 3107, 3108, 3, 813, 405, 0, 3108, 3109, 3, 793, 395, 0, 3109, 3110,
        3, 803, 400, 0, 3110, 3111, 3, 789, 393, 0, 3111, 3112, 3, 799, 398, 0, 3112, 3113,
        3, 785, 391, 0, 3113, 642, 1, 0, 0, 0, 3114, 3115, 3, 813, 405, 0, 3115, 3116, 3, 797,
        397, 0, 3116, 3117, 3, 793, 395, 0, 3117, 3118, 3, 807, 402, 0, 3118, 644, 1, 0, 0,
        0, 3119, 3120, 3, 813, 405, 0, 3120, 3121, 3, 815, 406, 0, 3121, 3122, 3, 777, 387,
        0, 3122, 3123, 3, 811, 404, 0, 3123, 3124, 3, 815, 406, 0, 3124, 646, 1, 0, 0, 0, 3125,
        3126, 3, 813, 405, 0, 3126, 3127, 3, 815, 406, 0, 3127, 3128, 3, 777, 387, 0, 3128,
        3129, 3, 811, 404, 0, 3129, 3130, 3, 815, 406, 0, 3130, 3131, 3, 813, 405, 0, 3131,
        648, 1, 0, 0, 0, 3132, 3133, 3, 813, 405, 0, 3133, 3134, 3, 815, 406, 0, 3134, 3135,
        3, 777, 387, 0, 3135, 3136, 3, 815, 406, 0, 3136, 3137, 3, 817, 407, 0, 3137, 3138,
        3, 813, 405, 0, 3138, 650, 1, 0, 0, 0, 3139, 3140, 3, 813, 405, 0, 3140, 3141, 3, 815,
        406, 0, 3141, 3142, 3, 805, 401, 0, 3142, 3143, 3, 807, 402, 0, 3143, 652, 1, 0, 0,
        0, 3144, 3145, 3, 813, 405, 0, 3145, 3146, 3, 815, 406, 0, 3146, 3147, 3, 811, 404,
        0, 3147, 3148, 3, 793, 395, 0, 3148, 3149, 3, 803, 400, 0, 3149, 3150, 3, 789, 393,
        0, 3150, 654, 1, 0, 0, 0, 3151, 3152, 3, 813, 405, 0, 3152, 3153, 3, 817, 407, 0, 3153,
        3154, 3, 807, 402, 0, 3154, 3155, 3, 807, 402, 0, 3155, 3156, 3, 805, 401, 0, 3156,
        3157, 3, 811, 404, 0, 3157, 3158, 3, 815, 406, 0, 3158, 3159, 3, 785, 391, 0, 3159,
        3160, 3, 783, 390, 0, 3160, 656, 1, 0, 0, 0, 3161, 3162, 3, 813, 405, 0, 3162, 3163,
        3, 817, 407, 0, 3163, 3164, 3, 813, 405, 0, 3164, 3165, 3, 807, 402, 0, 3165, 3166,
        3, 785, 391, 0, 3166, 3167, 3, 803, 400, 0, 3167, 3168, 3, 783, 390, 0, 3168, 3169,
        3, 785, 391, 0, 3169, 3170, 3, 783, 390, 0, 3170, 658, 1, 0, 0, 0, 3171, 3172, 3, 815,
        406, 0, 3172, 3173, 3, 777, 387, 0, 3173, 3174, 3, 789, 393, 0, 3174, 660, 1, 0, 0,
        0, 3175, 3176, 3, 815, 406, 0, 3176, 3177, 3, 777, 387, 0, 3177, 3178, 3, 789, 393,
        0, 3178, 3179, 3, 813, 405, 0, 3179, 662, 1, 0, 0, 0, 3180, 3181, 3, 815, 406, 0, 3181,
        3182, 3, 777, 387, 0, 3182, 3183, 3, 811, 404, 0, 3183, 3184, 3, 789, 393, 0, 3184,
        3185, 3, 785, 391, 0, 3185, 3186, 3, 815, 406, 0, 3186, 664, 1, 0, 0, 0, 3187, 3188,
        3, 815, 406, 0, 3188, 3189, 3, 785, 391, 0, 3189, 3190, 3, 811, 404, 0, 3190, 3191,
        3, 801, 399, 0, 3191, 3192, 3, 793, 395, 0, 3192, 3193, 3, 803, 400, 0, 3193, 3194,
        3, 777, 387, 0, 3194, 3195, 3, 815, 406, 0, 3195, 3196, 3, 785, 391, 0, 3196, 666,
        1, 0, 0, 0, 3197, 3198, 3, 815, 406, 0, 3198, 3199, 3, 785, 391, 0, 3199, 3200, 3,
        823, 410, 0, 3200, 3201, 3, 815, 406, 0, 3201, 668, 1, 0, 0, 0, 3202, 3203, 3, 815,
        406, 0, 3203, 3204, 3, 791, 394, 0, 3204, 3205, 3, 785, 391, 0, 3205, 3206, 3, 803,
        400, 0, 3206, 670, 1, 0, 0, 0, 3207, 3208, 3, 815, 406, 0, 3208, 3209, 3, 793, 395,
        0, 3209, 3210, 3, 801, 399, 0, 3210, 3211, 3, 785, 391, 0, 3211, 672, 1, 0, 0, 0, 3212,
        3213, 5, 42, 0, 0, 3213, 674, 1, 0, 0, 0, 3214, 3215, 3, 815, 406, 0, 3215, 3216, 3,
        793, 395, 0, 3216, 3217, 3, 801, 399, 0, 3217, 3218, 3, 785, 391, 0, 3218, 3219,
        3, 813, 405, 0, 3219, 3220, 3, 815, 406, 0, 3220, 3221, 3, 777, 387, 0, 3221, 3222,
        3, 801, 399, 0, 3222, 3223, 3, 807, 402, 0, 3223, 676, 1, 0, 0, 0, 3224, 3225, 3, 815,
        406, 0, 3225, 3226, 3, 793, 395, 0, 3226, 3227, 3, 801, 399, 0, 3227, 3228, 3, 785,
        391, 0, 3228, 3229, 3, 827, 412, 0, 3229, 3230, 3, 805, 401, 0, 3230, 3231, 3, 803,
        400, 0, 3231, 3232, 3, 785, 391, 0, 3232, 678, 1, 0, 0, 0, 3233, 3234, 3, 815, 406,
        0, 3234, 3235, 3, 805, 401, 0, 3235, 680, 1, 0, 0, 0, 3236, 3237, 3, 815, 406, 0, 3237,
        3238, 3, 805, 401, 0, 3238, 3239, 3, 807, 402, 0, 3239, 3240, 3, 805, 401, 0, 3240,
        3241, 3, 799, 398, 0, 3241, 3242, 3, 805, 401, 0, 3242, 3243, 3, 789, 393, 0, 3243,
        3244, 3, 825, 411, 0, 3244, 682, 1, 0, 0, 0, 3245, 3246, 3, 815, 406, 0, 3246, 3247,
        3, 811, 404, 0, 3247, 3248, 3, 777, 387, 0, 3248, 3249, 3, 793, 395, 0, 3249, 3250,
        3, 799, 398, 0, 3250, 684, 1, 0, 0, 0, 3251, 3252, 3, 815, 406, 0, 3252, 3253, 3, 811,
        404, 0, 3253, 3254, 3, 777, 387, 0, 3254, 3255, 3, 793, 395, 0, 3255, 3256, 3, 799,
        398, 0, 3256, 3257, 3, 793, 395, 0, 3257, 3258, 3, 803, 400, 0, 3258, 3259, 3, 789,
        393, 0, 3259, 686, 1, 0, 0, 0, 3260, 3261, 3, 815, 406, 0, 3261, 3262, 3, 811, 404,
        0, 3262, 3263, 3, 777, 387, 0, 3263, 3264, 3, 803, 400, 0, 3264, 3265, 3, 813, 405,
        0, 3265, 3266, 3, 777, 387, 0, 3266, 3267, 3, 781, 389, 0, 3267, 3268, 3, 815, 406,
        0, 3268, 3269, 3, 793, 395, 0, 3269, 3270, 3, 805, 401, 0, 3270, 3271, 3, 803, 400,
        0, 3271, 688, 1, 0, 0, 0, 3272, 3273, 3, 815, 406, 0, 3273, 3274, 3, 811, 404, 0, 3274,
        3275, 3, 777, 387, 0, 3275, 3276, 3, 803, 400, 0, 3276, 3277, 3, 813, 405, 0, 3277,
        3278, 3, 777, 387, 0, 3278, 3279, 3, 781, 389, 0, 3279, 3280, 3, 815, 406, 0, 3280,
        3281, 3, 793, 395, 0, 3281, 3282, 3, 805, 401, 0, 3282, 3283, 3, 803, 400, 0, 3283,
        3284, 3, 813, 405, 0, 3284, 690, 1, 0, 0, 0, 3285, 3286, 3, 815, 406, 0, 3286, 3287,
        3, 811, 404, 0, 3287, 3288, 3, 777, 387, 0, 3288, 3289, 3, 819, 408, 0, 3289, 3290,
        3, 785, 391, 0, 3290, 3291, 3, 811, 404, 0, 3291, 3292, 3, 813, 405, 0, 3292, 3293,
        3, 785, 391, 0, 3293, 692, 1, 0, 0, 0, 3294, 3295, 3, 815, 406, 0, 3295, 3296, 3, 811,
        404, 0, 3296, 3297, 3, 793, 395, 0, 3297, 3298, 3, 801, 399, 0, 3298, 694, 1, 0, 0,
        0, 3299, 3300, 3, 815, 406, 0, 3300, 3301, 3, 811, 404, 0, 3301, 3302, 3, 817, 407,
        0, 3302, 3303, 3, 785, 391, 0, 3303, 696, 1, 0, 0, 0, 3304, 3305, 3, 815, 406, 0, 3305,
        3306, 3, 825, 411, 0, 3306, 3307, 3, 807, 402, 0, 3307, 3308, 3, 785, 391, 0, 3308,
        698, 1, 0, 0, 0, 3309, 3310, 3, 815, 406, 0, 3310, 3311, 3, 825, 411, 0, 3311, 3312,
        3, 807, 402, 0, 3312, 3313, 3, 785, 391, 0, 3313, 3314, 3, 783, 390, 0, 3314, 700,
        1, 0, 0, 0, 3315, 3316, 3, 815, 406, 0, 3316, 3317, 3, 825, 411, 0, 3317, 3318, 3,
        807, 402, 0, 3318, 3319, 3, 785, 391, 0, 3319, 3320, 3, 813, 405, 0, 3320, 702, 1,
        0, 0, 0, 3321, 3322, 3, 817, 407, 0, 3322, 3323, 3, 817, 407, 0, 3323, 3324, 3, 793,
        395, 0, 3324, 3325, 3, 783, 390, 0, 3325, 704, 1, 0, 0, 0, 3326, 3327, 3, 817, 407,
        0, 3327, 3328, 3, 803, 400, 0, 3328, 3329, 3, 793, 395, 0, 3329, 3330, 3, 805, 401,
        0, 3330, 3331, 3, 803, 400, 0, 3331, 706, 1, 0, 0, 0, 3332, 3333, 3, 817, 407, 0, 3333,
        3334, 3, 803, 400, 0, 3334, 3335, 3, 793, 395, 0, 3335, 3336, 3, 809, 403, 0, 3336,
        3337, 3, 817, 407, 0, 3337, 3338, 3, 785, 391, 0, 3338, 708, 1, 0, 0, 0, 3339, 3340,
        3, 817, 407, 0, 3340, 3341, 3, 803, 400, 0, 3341, 3342, 3, 793, 395, 0, 3342, 3343,
        3, 809, 403, 0, 3343, 3344, 3, 817, 407, 0, 3344, 3345, 3, 785, 391, 0, 3345, 3346,
        3, 803, 400, 0, 3346, 3347, 3, 785, 391, 0, 3347, 3348, 3, 813, 405, 0, 3348, 3349,
        3, 813, 405, 0, 3349, 710, 1, 0, 0, 0, 3350, 3351, 3, 817, 407, 0, 3351, 3352, 3, 803,
        400, 0, 3352, 3353, 3, 821, 409, 0, 3353, 3354, 3, 793, 395, 0, 3354, 3355, 3, 803,
        400, 0, 3355, 3356, 3, 783, 390, 0, 3356, 712, 1, 0, 0, 0, 3357, 3358, 3, 817, 407,
        0, 3358, 3359, 3, 811, 404, 0, 3359, 3360, 3, 799, 398, 0, 3360, 714, 1, 0, 0, 0, 3361,
        3362, 3, 817, 407, 0, 3362, 3363, 3, 813, 405, 0, 3363, 3364, 3, 785, 391, 0, 3364,
        716, 1, 0, 0, 0, 3365, 3366, 3, 817, 407, 0, 3366, 3367, 3, 813, 405, 0, 3367, 3368,
        3, 785, 391, 0, 3368, 3369, 3, 811, 404, 0, 3369, 718, 1, 0, 0, 0, 3370, 3371, 3, 817,
        407, 0, 3371, 3372, 3, 813, 405, 0, 3372, 3373, 3, 785, 391, 0, 3373, 3374, 3, 811,
        404, 0, 3374, 3375, 3, 813, 405, 0, 3375, 720, 1, 0, 0, 0, 3376, 3377, 3, 817, 407,
        0, 3377, 3378, 3, 813, 405, 0, 3378, 3379, 3, 793, 395, 0, 3379, 3380, 3, 803, 400,
        0, 3380, 3381, 3, 789, 393, 0, 3381, 722, 1, 0, 0, 0, 3382, 3383, 3, 819, 408, 0, 3383,
        3384, 3, 777, 387, 0, 3384, 3385, 3, 799, 398, 0, 3385, 3386, 3, 817, 407, 0, 3386,
        3387, 3, 785, 391, 0, 3387, 724, 1, 0, 0, 0, 3388, 3389, 3, 819, 408, 0, 3389, 3390,
        3, 777, 387, 0, 3390, 3391, 3, 811, 404, 0, 3391, 3392, 3, 781, 389, 0, 3392, 3393,
        3, 791, 394, 0, 3393, 3394, 3, 777, 387, 0, 3394, 3395, 3, 811, 404, 0, 3395, 726,
        1, 0, 0, 0, 3396, 3397, 3, 819, 408, 0, 3397, 3398, 3, 793, 395, 0, 3398, 3399, 3,
        777, 387, 0, 3399, 728, 1, 0, 0, 0, 3400, 3401, 3, 819, 408, 0, 3401, 3402, 3, 785,
        391, 0, 3402, 3403, 3, 781, 389, 0, 3403, 3404, 3, 815, 406, 0, 3404, 3405, 3, 805,
        401, 0, 3405, 3406, 3, 811, 404, 0, 3406, 730, 1, 0, 0, 0, 3407, 3408, 3, 819, 408,
        0, 3408, 3409, 3, 785, 391, 0, 3409, 3410, 3, 781, 389, 0, 3410, 3411, 3, 815, 406,
        0, 3411, 3412, 3, 805, 401, 0, 3412, 3413, 3, 811, 404, 0, 3413, 3414, 3, 849, 423,
        0, 3414, 3415, 3, 783, 390, 0, 3415, 3416, 3, 793, 395, 0, 3416, 3417, 3, 813, 405,
        0, 3417, 3418, 3, 815, 406, 0, 3418, 3419, 3, 777, 387, 0, 3419, 3420, 3, 803, 400,
        0, 3420, 3421, 3, 781, 389, 0, 3421, 3422, 3, 785, 391, 0, 3422, 732, 1, 0, 0, 0, 3423,
        3424, 3, 819, 408, 0, 3424, 3425, 3, 785, 391, 0, 3425, 3426, 3, 781, 389, 0, 3426,
        3427, 3, 815, 406, 0, 3427, 3428, 3, 805, 401, 0, 3428, 3429, 3, 811, 404, 0, 3429,
        3430, 3, 849, 423, 0, 3430, 3431, 3, 803, 400, 0, 3431, 3432, 3, 805, 401, 0, 3432,
        3433, 3, 811, 404, 0, 3433, 3434, 3, 801, 399, 0, 3434, 734, 1, 0, 0, 0, 3435, 3436,
        3, 819, 408, 0, 3436, 3437, 3, 785, 391, 0, 3437, 3438, 3, 811, 404, 0, 3438, 3439,
        3, 815, 406, 0, 3439, 3440, 3, 785, 391, 0, 3440, 3441, 3, 823, 410, 0, 3441, 736,
        1, 0, 0, 0, 3442, 3443, 3, 821, 409, 0, 3443, 3444, 3, 777, 387, 0, 3444, 3445, 3,
        793, 395, 0, 3445, 3446, 3, 815, 406, 0, 3446, 738, 1, 0, 0, 0, 3447, 3448, 3, 821,
        409, 0, 3448, 3449, 3, 777, 387, 0, 3449, 3450, 3, 799, 398, 0, 3450, 3451, 3, 797,
        397, 0, 3451, 740, 1, 0, 0, 0, 3452, 3453, 3, 821, 409, 0, 3453, 3454, 3, 791, 394,
        0, 3454, 3455, 3, 785, 391, 0, 3455, 3456, 3, 803, 400, 0, 3456, 742, 1, 0, 0, 0, 3457,
        3458, 3, 821, 409, 0, 3458, 3459, 3, 791, 394, 0, 3459, 3460, 3, 785, 391, 0, 3460,
        3461, 3, 811, 404, 0, 3461, 3462, 3, 785, 391, 0, 3462, 744, 1, 0, 0, 0, 3463, 3464,
        3, 821, 409, 0, 3464, 3465, 3, 793, 395, 0, 3465, 3466, 3, 815, 406, 0, 3466, 3467,
        3, 791, 394, 0, 3467, 746, 1, 0, 0, 0, 3468, 3469, 3, 821, 409, 0, 3469, 3470, 3, 793,
        395, 0, 3470, 3471, 3, 815, 406, 0, 3471, 3472, 3, 791, 394, 0, 3472, 3473, 3, 805,
        401, 0, 3473, 3474, 3, 817, 407, 0, 3474, 3475, 3, 815, 406, 0, 3475, 748, 1, 0, 0,
        0, 3476, 3477, 3, 821, 409, 0, 3477, 3478, 3, 811, 404, 0, 3478, 3479, 3, 793, 395,
        0, 3479, 3480, 3, 815, 406, 0, 3480, 3481, 3, 785, 391, 0, 3481, 750, 1, 0, 0, 0, 3482,
        3483, 3, 823, 410, 0, 3483, 3484, 3, 805, 401, 0, 3484, 3485, 3, 811, 404, 0, 3485,
        752, 1, 0, 0, 0, 3486, 3487, 3, 825, 411, 0, 3487, 3488, 3, 793, 395, 0, 3488, 3489,
        3, 785, 391, 0, 3489, 3490, 3, 799, 398, 0, 3490, 3491, 3, 783, 390, 0, 3491, 754,
        1, 0, 0, 0, 3492, 3493, 3, 827, 412, 0, 3493, 3494, 3, 805, 401, 0, 3494, 3495, 3,
        803, 400, 0, 3495, 3496, 3, 785, 391, 0, 3496, 756, 1, 0, 0, 0, 3497, 3498, 3, 827,
        412, 0, 3498, 3499, 3, 805, 401, 0, 3499, 3500, 3, 803, 400, 0, 3500, 3501, 3, 785,
        391, 0, 3501, 3502, 3, 783, 390, 0, 3502, 758, 1, 0, 0, 0, 3503, 3507, 3, 773, 385,
        0, 3504, 3506, 3, 775, 386, 0, 3505, 3504, 1, 0, 0, 0, 3506, 3509, 1, 0, 0, 0, 3507,
        3505, 1, 0, 0, 0, 3507, 3508, 1, 0, 0, 0, 3508, 760, 1, 0, 0, 0, 3509, 3507, 1, 0, 0,
        0, 3510, 3512, 3, 775, 386, 0, 3511, 3510, 1, 0, 0, 0, 3512, 3513, 1, 0, 0, 0, 3513,
        3511, 1, 0, 0, 0, 3513, 3514, 1, 0, 0, 0, 3514, 762, 1, 0, 0, 0, 3515, 3516, 7, 9, 0,
        0, 3516, 3517, 5, 39, 0, 0, 3517, 3518, 1, 0, 0, 0, 3518, 3519, 6, 380, 3, 0, 3519,
        764, 1, 0, 0, 0, 3520, 3521, 7, 9, 0, 0, 3521, 3522, 5, 34, 0, 0, 3522, 3523, 1, 0, 0,
        0, 3523, 3524, 6, 381, 4, 0, 3524, 766, 1, 0, 0, 0, 3525, 3526, 7, 10, 0, 0, 3526, 768,
        1, 0, 0, 0, 3527, 3528, 7, 11, 0, 0, 3528, 770, 1, 0, 0, 0, 3529, 3530, 7, 12, 0, 0, 3530,
        772, 1, 0, 0, 0, 3531, 3532, 7, 13, 0, 0, 3532, 774, 1, 0, 0, 0, 3533, 3536, 3, 773,
        385, 0, 3534, 3536, 7, 14, 0, 0, 3535, 3533, 1, 0, 0, 0, 3535, 3534, 1, 0, 0, 0, 3536,
        776, 1, 0, 0, 0, 3537, 3538, 7, 15, 0, 0, 3538, 778, 1, 0, 0, 0, 3539, 3540, 7, 16, 0,
        0, 3540, 780, 1, 0, 0, 0, 3541, 3542, 7, 17, 0, 0, 3542, 782, 1, 0, 0, 0, 3543, 3544,
        7, 18, 0, 0, 3544, 784, 1, 0, 0, 0, 3545, 3546, 7, 4, 0, 0, 3546, 786, 1, 0, 0, 0, 3547,
        3548, 7, 19, 0, 0, 3548, 788, 1, 0, 0, 0, 3549, 3550, 7, 20, 0, 0, 3550, 790, 1, 0, 0,
        0, 3551, 3552, 7, 21, 0, 0, 3552, 792, 1, 0, 0, 0, 3553, 3554, 7, 22, 0, 0, 3554, 794,
        1, 0, 0, 0, 3555, 3556, 7, 23, 0, 0, 3556, 796, 1, 0, 0, 0, 3557, 3558, 7, 24, 0, 0, 3558,
        798, 1, 0, 0, 0, 3559, 3560, 7, 25, 0, 0, 3560, 800, 1, 0, 0, 0, 3561, 3562, 7, 26, 0,
        0, 3562, 802, 1, 0, 0, 0, 3563, 3564, 7, 27, 0, 0, 3564, 804, 1, 0, 0, 0, 3565, 3566,
        7, 28, 0, 0, 3566, 806, 1, 0, 0, 0, 3567, 3568, 7, 29, 0, 0, 3568, 808, 1, 0, 0, 0, 3569,
        3570, 7, 30, 0, 0, 3570, 810, 1, 0, 0, 0, 3571, 3572, 7, 31, 0, 0, 3572, 812, 1, 0, 0,
        0, 3573, 3574, 7, 9, 0, 0, 3574, 814, 1, 0, 0, 0, 3575, 3576, 7, 32, 0, 0, 3576, 816,
        1, 0, 0, 0, 3577, 3578, 7, 33, 0, 0, 3578, 818, 1, 0, 0, 0, 3579, 3580, 7, 34, 0, 0, 3580,
        820, 1, 0, 0, 0, 3581, 3582, 7, 35, 0, 0, 3582, 822, 1, 0, 0, 0, 3583, 3584, 7, 36, 0,
        0, 3584, 824, 1, 0, 0, 0, 3585, 3586, 7, 37, 0, 0, 3586, 826, 1, 0, 0, 0, 3587, 3588,
        7, 38, 0, 0, 3588, 828, 1, 0, 0, 0, 3589, 3590, 7, 39, 0, 0, 3590, 830, 1, 0, 0, 0, 3591,
        3592, 7, 40, 0, 0, 3592, 832, 1, 0, 0, 0, 3593, 3594, 7, 41, 0, 0, 3594, 834, 1, 0, 0,
        0, 3595, 3596, 7, 42, 0, 0, 3596, 836, 1, 0, 0, 0, 3597, 3598, 7, 43, 0, 0, 3598, 838,
        1, 0, 0, 0, 3599, 3600, 7, 44, 0, 0, 3600, 840, 1, 0, 0, 0, 3601, 3602, 7, 45, 0, 0, 3602,
        842, 1, 0, 0, 0, 3603, 3604, 7, 46, 0, 0, 3604, 844, 1, 0, 0, 0, 3605, 3606, 7, 47, 0,
        0, 3606, 846, 1, 0, 0, 0, 3607, 3608, 7, 48, 0, 0, 3608, 848, 1, 0, 0, 0, 3609, 3610,
        7, 49, 0, 0, 3610, 850, 1, 0, 0, 0, 3611, 3612, 9, 0, 0, 0, 3612, 852, 1, 0, 0, 0, 3613,
        3614, 7, 50, 0, 0, 3614, 3615, 1, 0, 0, 0, 3615, 3616, 6, 425, 2, 0, 3616, 854, 1, 0,
        0, 0, 3617, 3618, 5, 39, 0, 0, 3618, 3619, 1, 0, 0, 0, 3619, 3620, 6, 426, 5, 0, 3620,
        856, 1, 0, 0, 0, 3621, 3624, 8, 51, 0, 0, 3622, 3624, 3, 57, 27, 0, 3623, 3621, 1, 0,
        0, 0, 3623, 3622, 1, 0, 0, 0, 3624, 3625, 1, 0, 0, 0, 3625, 3623, 1, 0, 0, 0, 3625, 3626,
        1, 0, 0, 0, 3626, 858, 1, 0, 0, 0, 3627, 3628, 7, 52, 0, 0, 3628, 860, 1, 0, 0, 0, 3629,
        3630, 7, 50, 0, 0, 3630, 3631, 1, 0, 0, 0, 3631, 3632, 6, 429, 2, 0, 3632, 862, 1, 0,
        0, 0, 3633, 3634, 5, 34, 0, 0, 3634, 3635, 1, 0, 0, 0, 3635, 3636, 6, 430, 5, 0, 3636,
        864, 1, 0, 0, 0, 3637, 3640, 8, 53, 0, 0, 3638, 3640, 3, 57, 27, 0, 3639, 3637, 1, 0,
        0, 0, 3639, 3638, 1, 0, 0, 0, 3640, 3641, 1, 0, 0, 0, 3641, 3639, 1, 0, 0, 0, 3641, 3642,
        1, 0, 0, 0, 3642, 866, 1, 0, 0, 0, 3643, 3644, 7, 52, 0, 0, 3644, 868, 1, 0, 0, 0, 38,
        0, 1, 2, 875, 996, 1007, 1019, 1027, 1031, 1034, 1041, 1045, 1048, 1054, 1059,
        1061, 1067, 1073, 1077, 1081, 1086, 1091, 1095, 1105, 1114, 1120, 1122, 1130,
        1132, 1144, 1146, 3507, 3513, 3535, 3623, 3625, 3639, 3641, 6, 1, 12, 0, 0, 1, 0,
        5, 0, 0, 5, 1, 0, 5, 2, 0, 4, 0, 0
    ];
    static __ATN;
    static get _ATN() {
        if (!CypherCmdLexer.__ATN) {
            CypherCmdLexer.__ATN = new antlr.ATNDeserializer().deserialize(CypherCmdLexer._serializedATN);
        }
        return CypherCmdLexer.__ATN;
    }
    static vocabulary = new antlr.Vocabulary(CypherCmdLexer.literalNames, CypherCmdLexer.symbolicNames, []);
    get vocabulary() {
        return CypherCmdLexer.vocabulary;
    }
    static decisionsToDFA = CypherCmdLexer._ATN.decisionToState.map((ds, index) => new antlr.DFA(ds, index));
}
