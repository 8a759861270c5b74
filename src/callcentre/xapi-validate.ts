/**
 * A structural validator of xAPI 1.0.3 statements, written from the specification (Part Two, « Data »,
 * §2.4: the properties of a statement, their types and requirements). It checks what an LRS must refuse:
 * missing required properties, wrong types, unknown properties, an actor without exactly one
 * identifier, IRIs that are not absolute, UUIDs, ISO 8601 timestamps and durations, language maps,
 * score bounds, and the context rules. It does not check semantics an LRS cannot know.
 */

export interface XapiIssue {
  path: string;
  message: string;
}

type Json = Record<string, unknown>;

const STATEMENT_KEYS = ['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments'];
const AGENT_KEYS = ['objectType', 'name', 'mbox', 'mbox_sha1sum', 'openid', 'account'];
const GROUP_KEYS = [...AGENT_KEYS, 'member'];
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'];
const VERB_KEYS = ['id', 'display'];
const ACTIVITY_KEYS = ['objectType', 'id', 'definition'];
const DEFINITION_KEYS = [
  'name',
  'description',
  'type',
  'moreInfo',
  'extensions',
  'interactionType',
  'correctResponsesPattern',
  'choices',
  'scale',
  'source',
  'target',
  'steps',
];
const INTERACTION_TYPES = ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'];
const RESULT_KEYS = ['score', 'success', 'completion', 'response', 'duration', 'extensions'];
const SCORE_KEYS = ['scaled', 'raw', 'min', 'max'];
const CONTEXT_KEYS = ['registration', 'instructor', 'team', 'contextActivities', 'revision', 'platform', 'language', 'statement', 'extensions'];
const CONTEXT_ACTIVITY_KEYS = ['parent', 'grouping', 'category', 'other'];
const STATEMENT_REF_KEYS = ['objectType', 'id'];
const SUB_STATEMENT_KEYS = ['objectType', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments'];
const ATTACHMENT_KEYS = ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl'];

/** RFC 4122 UUID, any version, variant 1 (the « 10xx » variant). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** An absolute IRI: a scheme, a colon, then no space. */
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;
/** RFC 5646 language tag, in its common form (language, script, region, variants). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|\d{3}))?(-([a-z\d]{5,8}|\d[a-z\d]{3}))*$/i;
/** ISO 8601 date and time, extended format, with an optional fraction and time-zone designator. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
/** ISO 8601 duration (PnYnMnDTnHnMnS, or PnW). */
const DURATION = /^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$|^P\d+(\.\d+)?W$/;
const SHA1 = /^[0-9a-f]{40}$/i;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

class Validator {
  readonly issues: XapiIssue[] = [];

  fail(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  object(value: unknown, path: string, allowed: readonly string[], required: readonly string[] = []): value is Json {
    if (!isObject(value)) {
      this.fail(path, 'must be a JSON object');
      return false;
    }
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.fail(`${path}.${key}`, 'unknown property');
    for (const key of required) if (value[key] === undefined) this.fail(`${path}.${key}`, 'required');
    return true;
  }

  string(value: unknown, path: string): value is string {
    if (typeof value !== 'string') {
      this.fail(path, 'must be a string');
      return false;
    }
    return true;
  }

  iri(value: unknown, path: string): void {
    if (this.string(value, path) && !IRI.test(value)) this.fail(path, 'must be an absolute IRI');
  }

  uuid(value: unknown, path: string): void {
    if (this.string(value, path) && !UUID.test(value)) this.fail(path, 'must be a UUID (RFC 4122)');
  }

  bool(value: unknown, path: string): void {
    if (typeof value !== 'boolean') this.fail(path, 'must be true or false');
  }

  number(value: unknown, path: string): value is number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(path, 'must be a number');
      return false;
    }
    return true;
  }

  timestamp(value: unknown, path: string): void {
    if (!this.string(value, path)) return;
    const m = TIMESTAMP.exec(value);
    if (!m) {
      this.fail(path, 'must be an ISO 8601 date and time');
      return;
    }
    const [, , month, day, hour, minute, second, , zone] = m;
    if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31 || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 60) {
      this.fail(path, 'is not a real date and time');
    }
    // The spec forbids the « unknown local offset » form.
    if (zone === '-00:00') this.fail(path, 'must not use the -00:00 offset');
  }

  languageMap(value: unknown, path: string): void {
    if (!isObject(value)) {
      this.fail(path, 'must be a language map (object)');
      return;
    }
    for (const [tag, text] of Object.entries(value)) {
      if (!LANGUAGE_TAG.test(tag)) this.fail(`${path}.${tag}`, 'key must be an RFC 5646 language tag');
      this.string(text, `${path}.${tag}`);
    }
  }

  extensions(value: unknown, path: string): void {
    if (!isObject(value)) {
      this.fail(path, 'must be an object');
      return;
    }
    for (const key of Object.keys(value)) if (!IRI.test(key)) this.fail(`${path}.${key}`, 'extension key must be an absolute IRI');
  }

  agent(value: unknown, path: string, allowGroup = true): void {
    if (!isObject(value)) {
      this.fail(path, 'must be an Agent or a Group');
      return;
    }
    const type = value.objectType;
    if (type === 'Group') {
      if (!allowGroup) this.fail(`${path}.objectType`, 'must be an Agent here');
      this.object(value, path, GROUP_KEYS);
      const ifis = IFIS.filter((k) => value[k] !== undefined);
      if (ifis.length > 1) this.fail(path, 'a Group has at most one identifier');
      if (ifis.length === 0) {
        if (!Array.isArray(value.member)) this.fail(`${path}.member`, 'an anonymous Group needs members');
      }
      if (value.member !== undefined) {
        if (!Array.isArray(value.member)) this.fail(`${path}.member`, 'must be an array');
        else value.member.forEach((m, i) => this.agent(m, `${path}.member[${i}]`, false));
      }
      this.ifis(value, path);
      if (value.name !== undefined) this.string(value.name, `${path}.name`);
      return;
    }
    if (type !== undefined && type !== 'Agent') this.fail(`${path}.objectType`, 'must be "Agent" or "Group"');
    this.object(value, path, AGENT_KEYS);
    const ifis = IFIS.filter((k) => value[k] !== undefined);
    if (ifis.length !== 1) this.fail(path, 'an Agent has exactly one identifier (mbox, mbox_sha1sum, openid or account)');
    this.ifis(value, path);
    if (value.name !== undefined) this.string(value.name, `${path}.name`);
  }

  private ifis(value: Json, path: string): void {
    if (value.mbox !== undefined && this.string(value.mbox, `${path}.mbox`) && !/^mailto:[^@\s]+@[^@\s]+$/.test(value.mbox)) {
      this.fail(`${path}.mbox`, 'must be a mailto: IRI');
    }
    if (value.mbox_sha1sum !== undefined && this.string(value.mbox_sha1sum, `${path}.mbox_sha1sum`) && !SHA1.test(value.mbox_sha1sum)) {
      this.fail(`${path}.mbox_sha1sum`, 'must be 40 hexadecimal digits');
    }
    if (value.openid !== undefined) this.iri(value.openid, `${path}.openid`);
    if (value.account !== undefined && this.object(value.account, `${path}.account`, ['homePage', 'name'], ['homePage', 'name'])) {
      const account = value.account;
      if (account.homePage !== undefined) this.iri(account.homePage, `${path}.account.homePage`);
      if (account.name !== undefined) this.string(account.name, `${path}.account.name`);
    }
  }

  verb(value: unknown, path: string): void {
    if (!this.object(value, path, VERB_KEYS, ['id'])) return;
    if (value.id !== undefined) this.iri(value.id, `${path}.id`);
    if (value.display !== undefined) this.languageMap(value.display, `${path}.display`);
  }

  activity(value: unknown, path: string): void {
    if (!this.object(value, path, ACTIVITY_KEYS, ['id'])) return;
    if (value.objectType !== undefined && value.objectType !== 'Activity') this.fail(`${path}.objectType`, 'must be "Activity"');
    if (value.id !== undefined) this.iri(value.id, `${path}.id`);
    const def = value.definition;
    if (def === undefined) return;
    if (!this.object(def, `${path}.definition`, DEFINITION_KEYS)) return;
    if (def.name !== undefined) this.languageMap(def.name, `${path}.definition.name`);
    if (def.description !== undefined) this.languageMap(def.description, `${path}.definition.description`);
    if (def.type !== undefined) this.iri(def.type, `${path}.definition.type`);
    if (def.moreInfo !== undefined) this.iri(def.moreInfo, `${path}.definition.moreInfo`);
    if (def.extensions !== undefined) this.extensions(def.extensions, `${path}.definition.extensions`);
    if (def.interactionType !== undefined && !INTERACTION_TYPES.includes(String(def.interactionType))) {
      this.fail(`${path}.definition.interactionType`, 'unknown interaction type');
    }
  }

  statementObject(value: unknown, path: string, sub: boolean): string {
    if (!isObject(value)) {
      this.fail(path, 'must be an object');
      return '';
    }
    const type = value.objectType ?? 'Activity';
    switch (type) {
      case 'Activity':
        this.activity(value, path);
        break;
      case 'Agent':
      case 'Group':
        this.agent(value, path);
        break;
      case 'StatementRef':
        if (this.object(value, path, STATEMENT_REF_KEYS, ['objectType', 'id'])) this.uuid(value.id, `${path}.id`);
        break;
      case 'SubStatement':
        if (sub) this.fail(path, 'a SubStatement cannot contain a SubStatement');
        else this.subStatement(value, path);
        break;
      default:
        this.fail(`${path}.objectType`, 'unknown objectType');
    }
    return String(type);
  }

  private subStatement(value: Json, path: string): void {
    this.object(value, path, SUB_STATEMENT_KEYS, ['actor', 'verb', 'object']);
    this.body(value, path, true);
  }

  result(value: unknown, path: string): void {
    if (!this.object(value, path, RESULT_KEYS)) return;
    if (value.score !== undefined && this.object(value.score, `${path}.score`, SCORE_KEYS)) {
      const s = value.score;
      if (s.scaled !== undefined && this.number(s.scaled, `${path}.score.scaled`) && (s.scaled < -1 || s.scaled > 1)) {
        this.fail(`${path}.score.scaled`, 'must be between -1 and 1');
      }
      const raw = s.raw === undefined ? undefined : this.number(s.raw, `${path}.score.raw`) ? s.raw : undefined;
      const min = s.min === undefined ? undefined : this.number(s.min, `${path}.score.min`) ? s.min : undefined;
      const max = s.max === undefined ? undefined : this.number(s.max, `${path}.score.max`) ? s.max : undefined;
      if (min !== undefined && max !== undefined && !(min < max)) this.fail(`${path}.score.min`, 'must be less than max');
      if (raw !== undefined && min !== undefined && raw < min) this.fail(`${path}.score.raw`, 'must not be less than min');
      if (raw !== undefined && max !== undefined && raw > max) this.fail(`${path}.score.raw`, 'must not be greater than max');
    }
    if (value.success !== undefined) this.bool(value.success, `${path}.success`);
    if (value.completion !== undefined) this.bool(value.completion, `${path}.completion`);
    if (value.response !== undefined) this.string(value.response, `${path}.response`);
    if (value.duration !== undefined && this.string(value.duration, `${path}.duration`) && !DURATION.test(value.duration)) {
      this.fail(`${path}.duration`, 'must be an ISO 8601 duration');
    }
    if (value.extensions !== undefined) this.extensions(value.extensions, `${path}.extensions`);
  }

  context(value: unknown, path: string, objectType: string): void {
    if (!this.object(value, path, CONTEXT_KEYS)) return;
    if (value.registration !== undefined) this.uuid(value.registration, `${path}.registration`);
    if (value.instructor !== undefined) this.agent(value.instructor, `${path}.instructor`);
    if (value.team !== undefined) {
      if (!isObject(value.team) || value.team.objectType !== 'Group') this.fail(`${path}.team`, 'must be a Group');
      else this.agent(value.team, `${path}.team`);
    }
    if (value.contextActivities !== undefined && this.object(value.contextActivities, `${path}.contextActivities`, CONTEXT_ACTIVITY_KEYS)) {
      for (const [key, list] of Object.entries(value.contextActivities)) {
        const items = Array.isArray(list) ? list : [list];
        items.forEach((a, i) => this.activity(a, `${path}.contextActivities.${key}[${i}]`));
      }
    }
    // revision and platform describe an activity: meaningless when the object is a person.
    const aboutPerson = objectType === 'Agent' || objectType === 'Group';
    if (value.revision !== undefined) {
      this.string(value.revision, `${path}.revision`);
      if (aboutPerson) this.fail(`${path}.revision`, 'must not be used when the object is an Agent or Group');
    }
    if (value.platform !== undefined) {
      this.string(value.platform, `${path}.platform`);
      if (aboutPerson) this.fail(`${path}.platform`, 'must not be used when the object is an Agent or Group');
    }
    if (value.language !== undefined && this.string(value.language, `${path}.language`) && !LANGUAGE_TAG.test(value.language)) {
      this.fail(`${path}.language`, 'must be an RFC 5646 language tag');
    }
    if (value.statement !== undefined && this.object(value.statement, `${path}.statement`, STATEMENT_REF_KEYS, ['objectType', 'id'])) {
      if (value.statement.objectType !== 'StatementRef') this.fail(`${path}.statement.objectType`, 'must be "StatementRef"');
      this.uuid(value.statement.id, `${path}.statement.id`);
    }
    if (value.extensions !== undefined) this.extensions(value.extensions, `${path}.extensions`);
  }

  body(value: Json, path: string, sub: boolean): void {
    if (value.actor !== undefined) this.agent(value.actor, `${path}.actor`);
    if (value.verb !== undefined) this.verb(value.verb, `${path}.verb`);
    const objectType = value.object === undefined ? '' : this.statementObject(value.object, `${path}.object`, sub);
    if (value.result !== undefined) this.result(value.result, `${path}.result`);
    if (value.context !== undefined) this.context(value.context, `${path}.context`, objectType);
    if (value.timestamp !== undefined) this.timestamp(value.timestamp, `${path}.timestamp`);
    if (value.attachments !== undefined) {
      if (!Array.isArray(value.attachments)) this.fail(`${path}.attachments`, 'must be an array');
      else {
        value.attachments.forEach((a, i) => {
          const p = `${path}.attachments[${i}]`;
          if (!this.object(a, p, ATTACHMENT_KEYS, ['usageType', 'display', 'contentType', 'length', 'sha2'])) return;
          if (a.usageType !== undefined) this.iri(a.usageType, `${p}.usageType`);
          if (a.display !== undefined) this.languageMap(a.display, `${p}.display`);
          if (a.length !== undefined && (!Number.isInteger(a.length) || (a.length as number) < 0)) this.fail(`${p}.length`, 'must be a whole number');
        });
      }
    }
  }
}

/** The problems of one statement (none: it is valid). */
export function validateStatement(statement: unknown, path = 'statement'): XapiIssue[] {
  const v = new Validator();
  if (!v.object(statement, path, STATEMENT_KEYS, ['actor', 'verb', 'object'])) return v.issues;
  const s = statement as Json;
  if (s.id !== undefined) v.uuid(s.id, `${path}.id`);
  v.body(s, path, false);
  if (s.stored !== undefined) v.timestamp(s.stored, `${path}.stored`);
  if (s.authority !== undefined) v.agent(s.authority, `${path}.authority`);
  if (s.version !== undefined && (typeof s.version !== 'string' || !/^1\.0(\.\d+)?$/.test(s.version))) v.fail(`${path}.version`, 'must be 1.0.x');
  return v.issues;
}

/** The problems of a list of statements, each path naming its index. */
export function validateStatements(statements: readonly unknown[]): XapiIssue[] {
  return statements.flatMap((s, i) => validateStatement(s, `statements[${i}]`));
}
