// Wires the phone page: what the donor does goes to the giving store, every change of either store
// (or of the language) redraws the view. TodoMVC's `new Controller(model, view)`, with two models.

import { whenLanguageChanges } from '../../lib/dom';
import type { GiveStore } from './giveStore';
import type { LiveViewStore } from './liveStore';
import type { ViewerView } from './pageView';

export class ViewerController {
  constructor(private readonly live: LiveViewStore, private readonly give: GiveStore, private readonly view: ViewerView) {}

  /** Starts the live total; `returningOrder` is the order the donor came back from the cashier to wait for. */
  start(returningOrder: string | null): void {
    const { live, give, view } = this;
    live.subscribe((change) => {
      this.#render();
      if (change.grew) {
        view.total.bump();
      }
    });
    give.subscribe(() => this.#render());
    view.form.bind({
      preset: (fen) => give.choosePreset(fen),
      edit: (values) => give.edit(values),
      submit: () => void give.submit(),
      retry: () => void give.retry(),
    });
    view.waiting.bind({ giveUp: () => give.giveUp() });
    view.thanks.bind({
      giveAgain: () => {
        give.giveAgain();
        view.form.focusAmount();
      },
    });
    whenLanguageChanges(() => this.#render());
    live.start();
    if (returningOrder !== null && !live.unknownEvent) {
      give.resume(returningOrder);
    }
  }

  #render(): void {
    this.view.render(this.live, this.give);
  }
}
