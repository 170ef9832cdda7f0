import { QwcHotReloadElement, html, css } from 'qwc-hot-reload-element';
import { JsonRpc } from 'jsonrpc';
import { declaredCaches } from 'build-time-data';
import '@vaadin/button';
import '@vaadin/text-field';
import '@vaadin/progress-bar';
import '@vaadin/icon';

/**
 * The arena caches of the application: live numbers streamed every second over JSON-RPC, the occupancy of the
 * generation slabs, and actions (invalidate all, invalidate one key, look up a key).
 */
export class QwcArenaCacheCaches extends QwcHotReloadElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 1em; padding: 1em; }
        .empty { color: var(--lumo-secondary-text-color); }
        .cache {
            border: 1px solid var(--lumo-contrast-10pct);
            border-radius: var(--lumo-border-radius-m);
            padding: 0.8em 1em;
            display: flex; flex-direction: column; gap: 0.6em;
        }
        .title { display: flex; align-items: baseline; gap: 1em; flex-wrap: wrap; }
        .name { font-size: var(--lumo-font-size-l); font-weight: bold; }
        .meta { color: var(--lumo-secondary-text-color); font-size: var(--lumo-font-size-s); }
        .closed { color: var(--lumo-error-text-color); }
        .numbers { display: grid; grid-template-columns: repeat(auto-fill, minmax(9em, 1fr)); gap: 0.4em 1em; }
        .number { display: flex; flex-direction: column; }
        .number .label { color: var(--lumo-secondary-text-color); font-size: var(--lumo-font-size-xs); }
        .number .value { font-size: var(--lumo-font-size-l); font-variant-numeric: tabular-nums; }
        .memory { display: flex; flex-direction: column; gap: 0.2em; }
        .memory-label { font-size: var(--lumo-font-size-s); }
        .generations { display: flex; gap: 3px; align-items: flex-end; height: 3em; }
        .generation {
            flex: 1; height: 100%; position: relative;
            background: var(--lumo-contrast-5pct); border-radius: 2px; overflow: hidden;
        }
        .generation .fill {
            position: absolute; bottom: 0; left: 0; right: 0; background: var(--lumo-primary-color-50pct);
        }
        .generation .percent {
            position: absolute; top: 2px; left: 0; right: 0; text-align: center;
            font-size: var(--lumo-font-size-xxs); color: var(--lumo-body-text-color);
        }
        .generation.head .fill { background: var(--lumo-primary-color); }
        .generation-axis { display: flex; justify-content: space-between; font-size: var(--lumo-font-size-xxs);
            color: var(--lumo-secondary-text-color); }
        .actions { display: flex; gap: 0.5em; align-items: baseline; flex-wrap: wrap; }
        .reply { font-size: var(--lumo-font-size-s); }
        .reply.ok { color: var(--lumo-success-text-color); }
        .reply.failed { color: var(--lumo-error-text-color); }
    `;

    static properties = {
        _caches: { state: true },
        _replies: { state: true },
        _keys: { state: true },
        _streamError: { state: true }
    };

    constructor() {
        super();
        this._caches = null;
        this._replies = {};
        this._keys = {};
        this._streamError = null;
        this._declared = new Map((declaredCaches || []).map(cache => [cache.name, cache]));
    }

    connectedCallback() {
        super.connectedCallback();
        this._subscribe();
    }

    disconnectedCallback() {
        this._unsubscribe();
        super.disconnectedCallback();
    }

    hotReload() {
        // A restart replaces the caches: follow the new ones.
        this._subscribe();
    }

    _subscribe() {
        this._unsubscribe();
        this._observer = this.jsonRpc.streamCaches()
            .onNext(response => {
                this._streamError = null;
                this._caches = response.result;
            })
            .onError(response => {
                this._streamError = response.error?.message ?? 'The live stream failed';
            });
    }

    _unsubscribe() {
        if (this._observer) {
            this._observer.cancel();
            this._observer = null;
        }
    }

    render() {
        if (this._caches === null) {
            return html`<vaadin-progress-bar indeterminate></vaadin-progress-bar>`;
        }
        return html`
            ${this._streamError ? html`<div class="reply failed">${this._streamError}</div>` : ''}
            ${this._caches.length === 0
                ? html`<div class="empty" id="no-caches">This application has no arena cache.</div>`
                : this._caches.map(cache => this._renderCache(cache))}
        `;
    }

    _renderCache(cache) {
        const declared = this._declared.get(cache.name);
        return html`
            <div class="cache" data-cache="${cache.name}">
                <div class="title">
                    <span class="name">${cache.name}</span>
                    <span class="meta">
                        keys: ${cache.keyType}
                        ${declared ? html` · values: ${this._simpleName(declared.valueType)}` : ''}
                        · ${cache.shards} shards × ${cache.generations} generations
                        · TTL: ${cache.expireAfterWrite ?? 'none'}
                    </span>
                    ${cache.closed ? html`<span class="closed">closed</span>` : ''}
                </div>
                <div class="numbers">
                    ${this._number('hit-ratio', 'Hit ratio', this._hitRatio(cache))}
                    ${this._number('requests', 'Requests', cache.requests)}
                    ${this._number('hits', 'Hits', cache.hits)}
                    ${this._number('misses', 'Misses', cache.misses)}
                    ${this._number('entries', 'Entries', cache.entries)}
                    ${this._number('puts', 'Puts', cache.puts)}
                    ${this._number('evictions', 'Evictions', cache.evictions)}
                    ${this._number('expirations', 'Expirations', cache.expirations)}
                    ${this._number('rejections', 'Rejections', cache.rejections)}
                    ${this._number('rotations', 'Rotations', cache.generationRotations)}
                </div>
                ${this._renderMemory(cache)}
                ${this._renderActions(cache)}
            </div>`;
    }

    _hitRatio(cache) {
        return cache.requests === 0 ? '–' : (cache.hitRatio * 100).toFixed(1) + ' %';
    }

    _number(field, label, value) {
        return html`<div class="number"><span class="label">${label}</span>
            <span class="value" data-field="${field}">${value}</span></div>`;
    }

    _renderMemory(cache) {
        const budget = cache.maxMemory || 1;
        return html`
            <div class="memory">
                <span class="memory-label" data-field="bytes">
                    ${this._bytes(cache.bytesUsed)} used of ${this._bytes(cache.maxMemory)}
                    (${(100 * cache.bytesUsed / budget).toFixed(1)} %) · ${this._bytes(cache.bytesCommitted)} committed
                </span>
                <vaadin-progress-bar value="${Math.min(1, cache.bytesUsed / budget)}"></vaadin-progress-bar>
                <span class="memory-label">Generations, newest to oldest (all shards)</span>
                <div class="generations">
                    ${cache.generationOccupancy.map(generation => this._renderGeneration(generation))}
                </div>
                <div class="generation-axis"><span>newest</span><span>oldest</span></div>
            </div>`;
    }

    _renderGeneration(generation) {
        const percent = generation.capacity === 0 ? 0 : 100 * generation.bytesUsed / generation.capacity;
        // A sliver stays visible for a generation holding anything, however little.
        const height = generation.bytesUsed > 0 ? Math.max(percent, 3) : 0;
        const tooltip = `age ${generation.age}: ${generation.entries} entries, ${this._bytes(generation.bytesUsed)}`
            + ` of ${this._bytes(generation.capacity)} in ${generation.slabs} allocated slabs`;
        return html`<div class="generation ${generation.age === 0 ? 'head' : ''}" title="${tooltip}">
            <div class="fill" style="height: ${height.toFixed(1)}%"></div>
            <span class="percent">${percent.toFixed(0)} %</span></div>`;
    }

    _renderActions(cache) {
        const reply = this._replies[cache.name];
        return html`
            <div class="actions">
                <vaadin-button theme="error small" class="invalidate-all"
                    @click=${() => this._invalidateAll(cache.name)}>Invalidate all</vaadin-button>
                ${cache.keyActions
                    ? html`
                        <vaadin-text-field class="key" placeholder="${cache.keyType} key" clear-button-visible
                            .value=${this._keys[cache.name] ?? ''}
                            @value-changed=${e => { this._keys = { ...this._keys, [cache.name]: e.detail.value }; }}
                            @keydown=${e => { if (e.key === 'Enter') this._containsKey(cache.name); }}>
                        </vaadin-text-field>
                        <vaadin-button theme="small" class="contains-key"
                            @click=${() => this._containsKey(cache.name)}>Look up</vaadin-button>
                        <vaadin-button theme="small" class="invalidate-key"
                            @click=${() => this._invalidate(cache.name)}>Invalidate key</vaadin-button>`
                    : html`<span class="meta">Key actions are not available: keys of a custom codec have no text
                        form.</span>`}
                ${reply ? html`<span class="reply ${reply.ok ? 'ok' : 'failed'}">${reply.message}</span>` : ''}
            </div>`;
    }

    _invalidateAll(name) {
        this._call(name, this.jsonRpc.invalidateAll({ name: name }));
    }

    _containsKey(name) {
        this._call(name, this.jsonRpc.containsKey({ name: name, key: this._keys[name] ?? '' }));
    }

    _invalidate(name) {
        this._call(name, this.jsonRpc.invalidate({ name: name, key: this._keys[name] ?? '' }));
    }

    _call(name, promise) {
        promise
            .then(response => { this._replies = { ...this._replies, [name]: response.result }; })
            .catch(response => {
                const message = response.error?.message ?? 'The request failed';
                this._replies = { ...this._replies, [name]: { ok: false, message: message } };
            });
    }

    _simpleName(type) {
        return type ? type.replace(/java\.(lang|util)\./g, '') : '?';
    }

    _bytes(bytes) {
        const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
        let value = bytes;
        let unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (unit === 0 ? value : value.toFixed(1)) + ' ' + units[unit];
    }
}

customElements.define('qwc-arena-cache-caches', QwcArenaCacheCaches);
