import { ModelTable } from './ModelTable.tsx';

export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', margin: '2rem auto', maxWidth: '60rem', padding: '0 1rem' }}>
      <h1>PruneFuse Lab</h1>
      <p>
        Pruning-based data selection and network fusion (Kousar, Bhatti, Moon, 2024). The networks below are the
        CIFAR ResNets the lab trains; drag the pruning ratio to see what the pruned data selector keeps.
      </p>
      <ModelTable />
    </main>
  );
}
